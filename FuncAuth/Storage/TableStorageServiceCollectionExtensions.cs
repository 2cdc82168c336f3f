using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using FuncAuth.Sessions;
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

        services.AddSingleton(provider =>
            CreateServiceClient(provider.GetRequiredService<IOptions<TableStorageOptions>>().Value, CreateClientOptions()));
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
    /// Client options for every Table client: few, short retries and a network timeout of a few seconds, so an
    /// unreachable account surfaces as a 503 within seconds (worst case, a silent network: 3 tries x 2 s) instead of
    /// holding the request for the SDK defaults (3 retries backing off up to a minute, 100 s network timeout). Table point operations take milliseconds.
    /// </summary>
    internal static TableClientOptions CreateClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(500);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        return options;
    }

    /// <summary>The connection string when set; otherwise the service URI with <see cref="DefaultAzureCredential"/>.</summary>
    internal static TableServiceClient CreateServiceClient(TableStorageOptions options, TableClientOptions clientOptions) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(new Uri(options.ServiceUri!), new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);

    // Bound by hand: "TableStorage" is both a value (the connection string) and the parent of "serviceUri".
    private static void Bind(TableStorageOptions options, IConfiguration configuration)
    {
        options.ConnectionString = configuration[TableStorageOptions.ConnectionStringKey];
        options.ServiceUri = configuration[TableStorageOptions.ServiceUriKey];
        options.UsersTable = NonEmpty(configuration[TableStorageOptions.UsersTableKey]) ?? options.UsersTable;
        options.SessionsTable = NonEmpty(configuration[TableStorageOptions.SessionsTableKey]) ?? options.SessionsTable;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
