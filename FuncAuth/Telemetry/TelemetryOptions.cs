using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace FuncAuth.Telemetry;

/// <summary>
/// Which exporters run, bound from the root configuration: the standard variables that Application Insights,
/// OpenTelemetry and Azure.Identity define (so the Functions host and the worker read the same ones), and
/// <c>Telemetry__Console</c>. Nothing set: no exporter, no OpenTelemetry SDK. Validated at startup by
/// <see cref="TelemetryOptionsValidator"/>; every message names the setting, never its value.
/// </summary>
public sealed partial class TelemetryOptions : IValidatableObject
{
    /// <summary>Application Insights connection string: turns the Azure Monitor exporter on.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD[;ClientId=…]</c>: Entra ID (managed identity) authentication for Azure Monitor.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>OTLP collector endpoint: turns the OTLP exporter on (the exporter reads its other <c>OTEL_*</c> variables itself).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The user-assigned managed identity's client id, used when the authentication string names none.</summary>
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary><c>Telemetry__Console</c>: <c>true</c> prints traces, metrics and logs on the console (local debugging).</summary>
    public const string ConsoleKey = "Telemetry:Console";

    private const string Guid = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    /// <summary><c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>.</summary>
    [ConfigurationKeyName(ConnectionStringSetting)]
    [SettingPattern("(?is)(.*;)?\\s*InstrumentationKey\\s*=\\s*" + Guid + "\\s*(;.*)?",
        ErrorMessage = "APPLICATIONINSIGHTS_CONNECTION_STRING must be an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=…)")]
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary><c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>.</summary>
    [ConfigurationKeyName(AuthenticationStringSetting)]
    [SettingPattern("(?i)\\s*(Authorization\\s*=\\s*AAD\\s*(;\\s*ClientId\\s*=\\s*" + Guid + "\\s*)?|ClientId\\s*=\\s*" + Guid + "\\s*;\\s*Authorization\\s*=\\s*AAD\\s*);?\\s*",
        ErrorMessage = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be Authorization=AAD, optionally with ;ClientId=<guid> of a user-assigned managed identity")]
    public string? AzureMonitorAuthentication { get; set; }

    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    [ConfigurationKeyName(OtlpEndpointSetting)]
    [AbsoluteHttpUri(ErrorMessage = "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http(s) URI, e.g. http://127.0.0.1:4317")]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>AZURE_CLIENT_ID</c>.</summary>
    [ConfigurationKeyName(ClientIdSetting)]
    [SettingPattern("\\s*" + Guid + "\\s*", ErrorMessage = "AZURE_CLIENT_ID must be the client id (a GUID) of a managed identity")]
    public string? ManagedIdentityClientId { get; set; }

    /// <summary><c>Telemetry__Console</c>.</summary>
    [ConfigurationKeyName(ConsoleKey)]
    [SettingPattern("(?i)\\s*(true|false)\\s*", ErrorMessage = "Telemetry__Console must be true or false")]
    public string? Console { get; set; }

    /// <summary>The Azure Monitor exporter runs.</summary>
    public bool AzureMonitorEnabled => !string.IsNullOrWhiteSpace(AzureMonitorConnectionString);

    /// <summary>The OTLP exporter runs.</summary>
    public bool OtlpEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>The console exporter runs.</summary>
    public bool ConsoleEnabled => bool.TryParse(Console, out var on) && on;

    /// <summary>At least one exporter runs, so the OpenTelemetry SDK is wired.</summary>
    public bool AnyExporter => AzureMonitorEnabled || OtlpEnabled || ConsoleEnabled;

    /// <summary>Azure Monitor authenticates with Entra ID (Application Insights with local authentication off needs it).</summary>
    public bool UsesEntraId => !string.IsNullOrWhiteSpace(AzureMonitorAuthentication);

    /// <summary>The managed identity to use with Entra ID: the authentication string's ClientId, else <c>AZURE_CLIENT_ID</c>, else none (system-assigned).</summary>
    public string? EntraClientId =>
        AzureMonitorAuthentication is { } auth && ClientIdInAuthentication().Match(auth) is { Success: true } match
            ? match.Groups[1].Value
            : string.IsNullOrWhiteSpace(ManagedIdentityClientId) ? null : ManagedIdentityClientId.Trim();

    /// <summary>Reads the options the way startup binds them (for choosing exporters while services are registered).</summary>
    public static TelemetryOptions From(IConfiguration configuration) => configuration.Get<TelemetryOptions>() ?? new TelemetryOptions();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesEntraId && !AzureMonitorEnabled)
        {
            yield return new ValidationResult(
                "APPLICATIONINSIGHTS_AUTHENTICATION_STRING is set but APPLICATIONINSIGHTS_CONNECTION_STRING is not: there is nothing to authenticate to",
                [nameof(AzureMonitorAuthentication), nameof(AzureMonitorConnectionString)]);
        }
    }

    [GeneratedRegex("ClientId\\s*=\\s*(" + Guid + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdInAuthentication();
}
