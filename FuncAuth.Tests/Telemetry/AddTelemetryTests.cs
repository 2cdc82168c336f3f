using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using FuncAuth.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FuncAuth.Tests.Telemetry;

public sealed class AddTelemetryTests
{
    // Loopback endpoints on a closed port: nothing built here may reach the network.
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";

    private const string ClientId = "11111111-2222-3333-4444-555555555555";

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTelemetry();
        return builder.Build();
    }

    [Fact]
    public void AddTelemetry_NothingConfigured_MetricsButNoOpenTelemetryProviders()
    {
        using var host = Build([]);

        Assert.NotNull(host.Services.GetRequiredService<FuncAuthMetrics>());
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.True(AppContext.TryGetSwitch(TelemetryNames.AzureSdkActivitySwitch, out var on) && on);
    }

    [Fact]
    public async Task AddTelemetry_ConsoleTrue_TracerAndMeterProvidersStart()
    {
        using var host = Build(new() { ["Telemetry:Console"] = "true" });
        await host.StartAsync();

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        await host.StopAsync();
    }

    [Fact]
    public void AddTelemetry_ConnectionStringWithEntraAuthentication_ExporterUsesAManagedIdentityCredential()
    {
        using var host = Build(new()
        {
            [TelemetryOptions.ConnectionStringSetting] = ConnectionString,
            [TelemetryOptions.AuthenticationStringSetting] = $"Authorization=AAD;ClientId={ClientId}",
        });

        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.Equal(ConnectionString, exporter.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(exporter.Credential);
    }

    [Fact]
    public void AddTelemetry_ConnectionStringWithoutAuthenticationString_NoCredential()
    {
        using var host = Build(new() { [TelemetryOptions.ConnectionStringSetting] = ConnectionString });

        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.Equal(ConnectionString, exporter.ConnectionString);
        Assert.Null(exporter.Credential);
    }

    [Theory]
    [InlineData("Telemetry:Console", "yes", "Telemetry__Console")]
    [InlineData(TelemetryOptions.ConnectionStringSetting, "not a connection string", TelemetryOptions.ConnectionStringSetting)]
    [InlineData(TelemetryOptions.OtlpEndpointSetting, "collector:4317", TelemetryOptions.OtlpEndpointSetting)]
    [InlineData(TelemetryOptions.OtlpEndpointSetting, "/relative", TelemetryOptions.OtlpEndpointSetting)]
    [InlineData(TelemetryOptions.OtlpEndpointSetting, "ftp://127.0.0.1/", TelemetryOptions.OtlpEndpointSetting)]
    [InlineData(TelemetryOptions.ClientIdSetting, "not-a-guid", TelemetryOptions.ClientIdSetting)]
    [InlineData(TelemetryOptions.AuthenticationStringSetting, "Authorization=AAD", TelemetryOptions.ConnectionStringSetting)]
    public async Task StartAsync_InvalidSetting_FailsNamingItNotItsValue(string key, string value, string setting)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message.Replace(setting, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task StartAsync_AuthenticationStringWithMalformedClientId_FailsNamingIt()
    {
        using var host = Build(new()
        {
            [TelemetryOptions.ConnectionStringSetting] = ConnectionString,
            [TelemetryOptions.AuthenticationStringSetting] = "Authorization=AAD;ClientId=me",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(TelemetryOptions.AuthenticationStringSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OtlpEndpointOnLoopback_Starts()
    {
        using var host = Build(new() { [TelemetryOptions.OtlpEndpointSetting] = "http://127.0.0.1:9" });

        await host.StartAsync();

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        await host.StopAsync();
    }
}
