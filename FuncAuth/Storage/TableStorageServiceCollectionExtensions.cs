using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using FuncAuth.Sessions;
using FuncAuth.Telemetry;
using FuncAuth.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Storage;

/// <summary>Registers Table Storage: one <see cref="TableServiceClient"/>, the table provisioner and both stores.</summary>
public static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at startup) <see cref="TableStorageOptions"/>, then registers singletons for the
    /// <see cref="TableServiceClient"/>, <see cref="TableProvisioner"/>, <see cref="IUserStore"/> and <see cref="ISessionStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTableStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TableStorageOptions>()
            .Configure<IConfiguration>(Bind)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>();
        services.AddFuncAuthMetrics();

        services.AddSingleton(provider => CreateServiceClient(
            provider.GetRequiredService<IOptions<TableStorageOptions>>().Value,
            CreateClientOptions(provider.GetRequiredService<StorageLatencyPolicy>())));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;
            return new TableProvisioner(
                provider.GetRequiredService<TableServiceClient>(), [options.UsersTable, options.SessionsTable]);
        });
        services.AddSingleton<IUserStore>(provider => new TableUserStore(
            provider.GetRequiredService<TableServiceClient>(),
            provider.GetRequiredService<IOptions<TableStorageOptions>>().Value.UsersTable,
            provider.GetRequiredService<TableProvisioner>()));
        services.AddSingleton<ISessionStore>(provider => new TableSessionStore(
            provider.GetRequiredService<TableServiceClient>(),
            provider.GetRequiredService<IOptions<TableStorageOptions>>().Value.SessionsTable,
            provider.GetRequiredService<TableProvisioner>()));
        services.AddSingleton<StorageHealthProbe>();
        return builder;
    }

    /// <summary>
    /// Client options for every Table client. A Table point operation takes milliseconds, so a network timeout of
    /// <see cref="NetworkTimeout"/> is far above normal latency (even with both cores of a small instance busy hashing)
    /// and one retry after <see cref="RetryDelay"/> covers a dropped connection. An unreachable or frozen account
    /// therefore surfaces as a 503 after at most about 2 × 1.3 s + 0.1 s ≈ 2.7 s per storage call, instead of the SDK
    /// defaults (3 retries backing off up to a minute, a 100 s network timeout).
    /// </summary>
    internal static TableClientOptions CreateClientOptions(StorageLatencyPolicy? latency = null)
    {
        var options = new TableClientOptions();
        if (latency is not null)
        {
            // Per retry: each round trip is timed on its own (a timed-out attempt, then its retry).
            options.AddPolicy(latency, HttpPipelinePosition.PerRetry);
        }

        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = RetryDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }

    /// <summary>How long one attempt of a storage call may take before it is abandoned and retried.</summary>
    internal static readonly TimeSpan NetworkTimeout = TimeSpan.FromMilliseconds(1300);

    /// <summary>The pause before the one retry.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The connection string when set; otherwise the service URI with the user-assigned managed identity of
    /// <c>TableStorage__clientId</c>, or <see cref="DefaultAzureCredential"/> when no identity is named.
    /// </summary>
    internal static TableServiceClient CreateServiceClient(TableStorageOptions options, TableClientOptions clientOptions) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(new Uri(options.ServiceUri!), CreateCredential(options), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);

    /// <summary>The identity to reach the account with when there is no connection string.</summary>
    internal static TokenCredential CreateCredential(TableStorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));

    // Bound by hand: "TableStorage" is both a value (the connection string) and the parent of "serviceUri".
    private static void Bind(TableStorageOptions options, IConfiguration configuration)
    {
        options.ConnectionString = configuration[TableStorageOptions.ConnectionStringKey];
        options.ServiceUri = configuration[TableStorageOptions.ServiceUriKey];
        options.ClientId = NonEmpty(configuration[TableStorageOptions.ClientIdKey]);
        options.UsersTable = NonEmpty(configuration[TableStorageOptions.UsersTableKey]) ?? options.UsersTable;
        options.SessionsTable = NonEmpty(configuration[TableStorageOptions.SessionsTableKey]) ?? options.SessionsTable;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
