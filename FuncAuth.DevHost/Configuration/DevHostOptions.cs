using System.Reflection;

namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// Where the function app lives and where the DevHost listens, resolved from the command line
/// (<c>--app</c>, <c>--port</c>, <c>--address</c>), <c>DEVHOST_*</c> environment variables and the app's
/// <c>local.settings.json</c>, in that order of precedence.
/// </summary>
public sealed record DevHostOptions(
    string AppDirectory,
    string Address,
    int Port,
    string RoutePrefix,
    LocalSettings LocalSettings,
    WorkerConfig Worker)
{
    /// <summary>Core Tools' defaults (<c>StartHostAction.DefaultPort</c> / <c>DefaultAddress</c>).</summary>
    public const int DefaultPort = 7071;

    public const string DefaultAddress = "127.0.0.1";

    /// <summary>The public base URL, as printed in the ready line and the route list.</summary>
    public string BaseUrl => $"http://{Address}:{Port}";

    /// <summary>Reads the options; throws <see cref="DevHostConfigurationException"/> with a readable message on bad input.</summary>
    public static DevHostOptions Resolve(IConfiguration configuration)
    {
        var appDirectory = Path.GetFullPath(configuration["app"] is { Length: > 0 } app ? app : DefaultAppDirectory());
        if (!Directory.Exists(appDirectory))
        {
            throw new DevHostConfigurationException(
                $"The function app directory '{appDirectory}' does not exist. Build the app first or pass --app <dir>.");
        }

        var localSettings = LocalSettings.Load(appDirectory);
        var port = ParsePort(configuration["port"]) ?? localSettings.LocalHttpPort ?? DefaultPort;
        var address = configuration["address"] is { Length: > 0 } a ? a : localSettings.LocalHttpAddress ?? DefaultAddress;
        return new DevHostOptions(
            appDirectory,
            address,
            port,
            HostJson.ReadRoutePrefix(appDirectory),
            localSettings,
            WorkerConfig.Load(appDirectory));
    }

    private static int? ParsePort(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, out var port) && port is > 0 and <= 65535
            ? port
            : throw new DevHostConfigurationException($"'{value}' is not a valid port.");
    }

    /// <summary>
    /// The FuncAuth build output beside this DevHost build: FuncAuth.DevHost/bin/&lt;Configuration&gt;/net10.0
    /// maps to FuncAuth/bin/&lt;Configuration&gt;/net10.0, so a Release DevHost runs the Release app.
    /// </summary>
    private static string DefaultAppDirectory()
    {
        var configuration = typeof(DevHostOptions).Assembly
            .GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var repositoryRoot = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..");
        return Path.Combine(repositoryRoot, "FuncAuth", "bin", configuration, "net10.0");
    }
}
