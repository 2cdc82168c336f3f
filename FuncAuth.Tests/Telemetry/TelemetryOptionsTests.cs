using FuncAuth.Telemetry;
using Microsoft.Extensions.Configuration;

namespace FuncAuth.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private const string OtherClientId = "99999999-8888-7777-6666-555555555555";

    private static TelemetryOptions From(Dictionary<string, string?> settings) =>
        TelemetryOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void From_NothingSet_NoExporter()
    {
        var options = From([]);

        Assert.False(options.AnyExporter);
        Assert.False(options.UsesEntraId);
    }

    [Fact]
    public void From_StandardVariables_BoundFromTheRoot()
    {
        var options = From(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
            ["Telemetry:Console"] = "True",
        });

        Assert.Equal((true, true, true), (options.AzureMonitorEnabled, options.OtlpEnabled, options.ConsoleEnabled));
    }

    [Theory]
    [InlineData($"Authorization=AAD;ClientId={ClientId}", OtherClientId, ClientId)]
    [InlineData($"ClientId={ClientId};Authorization=AAD", null, ClientId)]
    [InlineData("Authorization=AAD", OtherClientId, OtherClientId)]
    [InlineData("Authorization=AAD", null, null)]
    public void EntraClientId_AuthenticationStringFirstThenAzureClientId(string authentication, string? azureClientId, string? expected)
    {
        var options = From(new()
        {
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = authentication,
            ["AZURE_CLIENT_ID"] = azureClientId,
        });

        Assert.True(options.UsesEntraId);
        Assert.Equal(expected, options.EntraClientId);
    }

    [Theory]
    [InlineData("Telemetry:Console", "false")]
    [InlineData("Telemetry:Console", "")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "")]
    public void From_ExporterSwitchedOffOrEmpty_NoExporter(string key, string value)
    {
        Assert.False(From(new() { [key] = value }).AnyExporter);
    }
}
