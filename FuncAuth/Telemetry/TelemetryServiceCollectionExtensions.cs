using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FuncAuth.Telemetry;

/// <summary>Registers FuncAuth's metrics and, when an exporter is configured, OpenTelemetry for the isolated worker.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at startup) <see cref="TelemetryOptions"/>, registers <see cref="FuncAuthMetrics"/>, turns on
    /// the Azure SDK's activity sources, and, when at least one exporter is configured, wires OpenTelemetry: the
    /// Functions worker defaults (invocation spans, resource, and the capability that tells the host to stop
    /// forwarding this worker's logs), Table Storage spans, the <see cref="TelemetryNames.Meter"/> meter and logs,
    /// exported to Azure Monitor, OTLP and/or the console. With none configured nothing is exported and the worker's
    /// logs still reach the host as before.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddFuncAuthMetrics();
        EnableAzureSdkActivitySources();

        // Exporters are chosen now, while services are registered. A bad value registers none, so startup stops with
        // the validator's message (naming the setting) rather than with an exporter's exception.
        var options = TelemetryOptions.From(builder.Configuration);
        if (!options.AnyExporter || !new TelemetryOptionsValidator().Validate(null, options).Succeeded)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames.AzureSdkSources)
                .AddProcessor(new StorageSpanRedactor()))
            .WithMetrics(metrics => metrics.AddMeter(TelemetryNames.Meter))
            .WithLogging();

        if (options.AzureMonitorEnabled)
        {
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = options.AzureMonitorConnectionString;
                exporter.Credential = options.UsesEntraId ? ManagedIdentity(options.EntraClientId) : null;
            });
        }

        if (options.OtlpEnabled)
        {
            // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
            telemetry.UseOtlpExporter();
        }

        if (options.ConsoleEnabled)
        {
            telemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter())
                .WithLogging(logging => logging.AddConsoleExporter());
        }

        return builder;
    }

    /// <summary>
    /// Registers <see cref="FuncAuthMetrics"/> and the <see cref="StorageLatencyPolicy"/> once (idempotent): every
    /// registration that adds a service recording metrics calls it, as they all register the clock.
    /// </summary>
    public static IServiceCollection AddFuncAuthMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FuncAuthMetrics>();
        services.TryAddSingleton<StorageLatencyPolicy>();
        return services;
    }

    /// <summary>
    /// Makes Azure.Core emit its activities (Table Storage calls) through <c>ActivitySource</c>s named <c>Azure.*</c>,
    /// which OpenTelemetry can subscribe to. Azure.Core reads the switch once per process, so it is set before any
    /// Azure client exists.
    /// </summary>
    internal static void EnableAzureSdkActivitySources() => AppContext.SetSwitch(TelemetryNames.AzureSdkActivitySwitch, true);

    /// <summary>The app's user-assigned identity when its client id is known, else the system-assigned one.</summary>
    internal static TokenCredential ManagedIdentity(string? clientId) =>
        new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
