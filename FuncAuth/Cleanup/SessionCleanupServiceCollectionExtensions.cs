using Azure.Core;
using Azure.Data.Tables;
using FuncAuth.Auth;
using FuncAuth.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Cleanup;

/// <summary>Registers the session clean-up timer's services.</summary>
public static class SessionCleanupServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Cleanup__*</c> and <c>CleanupSchedule</c>, validates them at startup, and registers
    /// <see cref="SessionCleaner"/> on a Table client of its own (<see cref="CreateClientOptions"/>). Needs
    /// <c>AddTableStorage</c> (where the tables are) and <c>AddAuth</c> (the refresh-token lifetime).
    /// </summary>
    public static IHostApplicationBuilder AddSessionCleanup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<SessionCleanupOptions>()
            .BindConfiguration(SessionCleanupOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.Schedule = configuration[SessionCleanupOptions.ScheduleSetting] is { Length: > 0 } schedule ? schedule.Trim() : null)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionCleanupOptions>, SessionCleanupOptionsValidator>());

        // Tests replace the clock with a FakeTimeProvider by registering theirs first.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var tables = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;
            var cleanup = provider.GetRequiredService<IOptions<SessionCleanupOptions>>();
            var client = TableStorageServiceCollectionExtensions.CreateServiceClient(tables, CreateClientOptions());
            var provisioner = new TableProvisioner(client, [tables.SessionsTable, cleanup.Value.StateTable]);
            return new SessionCleaner(
                new TableSessionSweeper(client, tables.SessionsTable, provisioner),
                new TableCleanupCheckpointStore(client, cleanup.Value.StateTable, tables.SessionsTable, provisioner),
                cleanup,
                provider.GetRequiredService<IOptions<AuthOptions>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<SessionCleaner>>());
        });
        return builder;
    }

    /// <summary>
    /// Client options for the clean-up, which no caller waits on. The request client's 1.3 s network timeout would cut
    /// off a filtered scan, which the service may work on for up to 5 s before answering with a partial page; here
    /// each attempt may take 30 s and three retries back off exponentially from 1 s, so a blip costs a pause, not a run.
    /// </summary>
    internal static TableClientOptions CreateClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }
}
