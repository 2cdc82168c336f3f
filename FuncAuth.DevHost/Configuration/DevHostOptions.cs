using System.Reflection;

namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// Where the function app lives, where the DevHost listens and how large a request body it takes, resolved from
/// the command line, <c>DEVHOST_*</c> environment variables and the app's <c>local.settings.json</c>, in that order
/// of precedence. Every value is validated here, before anything listens or starts.
/// </summary>
public sealed record DevHostOptions(
    string AppDirectory,
    string Address,
    int Port,
    long MaxRequestBodySize,
    bool AllowRemote,
    string RoutePrefix,
    LocalSettings LocalSettings,
    CorsSettings Cors,
    WorkerConfig Worker)
{
    /// <summary>Core Tools' defaults (<c>StartHostAction.DefaultPort</c> / <c>DefaultAddress</c>).</summary>
    public const int DefaultPort = 7071;

    public const string DefaultAddress = "127.0.0.1";

    /// <summary>The Functions host's request body limit (<c>ScriptConstants.DefaultMaxRequestBodySize</c>, 100 MB), which Core Tools also gives Kestrel.</summary>
    public const long DefaultMaxRequestBodySize = 104_857_600;

    /// <summary>The public base URL, as printed in the ready line and the route list.</summary>
    public string BaseUrl => Address.Contains(':', StringComparison.Ordinal) ? $"http://[{Address}]:{Port}" : $"http://{Address}:{Port}";

    /// <summary>Reads and validates the options; throws <see cref="DevHostConfigurationException"/> with a one-line message on bad input.</summary>
    public static DevHostOptions Resolve(OptionReader input)
    {
        // Command-line and environment options first, so their mistakes are reported before the app directory is read.
        var allowRemote = OptionParsers.ParseFlag(input.Get(CommandLine.AllowRemoteFlag));
        var maxBodySize = input.Get("max-request-body-size") is { } size ? OptionParsers.ParseBodySize(size) : DefaultMaxRequestBodySize;
        var port = input.Get("port") is { } p ? OptionParsers.ParsePort(p) : (int?)null;
        var address = input.Get("address") is { } a ? OptionParsers.ParseAddress(a, allowRemote) : null;

        var ignoreLocalSettings = OptionParsers.ParseFlag(input.Get(CommandLine.NoLocalSettingsFlag));
        var appDirectory = ResolveAppDirectory(input.Get("app"));
        var localSettings = ignoreLocalSettings ? LocalSettings.Empty : LocalSettings.Load(appDirectory);
        var cors = CorsSettings.Resolve(input, localSettings);
        const string fromLocalSettings = "in " + LocalSettings.FileName;
        port ??= localSettings.LocalHttpPort is { } lp
            ? OptionParsers.ParsePort(new OptionValue(lp, $"Host.LocalHttpPort {fromLocalSettings}"))
            : DefaultPort;
        address ??= localSettings.LocalHttpAddress is { } la
            ? OptionParsers.ParseAddress(new OptionValue(la, $"Host.LocalHttpAddress {fromLocalSettings}"), allowRemote)
            : DefaultAddress;
        return new DevHostOptions(
            appDirectory,
            address,
            port.Value,
            maxBodySize,
            allowRemote,
            HostJson.ReadRoutePrefix(appDirectory),
            localSettings,
            cors,
            WorkerConfig.Load(appDirectory));
    }

    private static string ResolveAppDirectory(OptionValue? app)
    {
        if (app is null)
        {
            var fallback = Path.GetFullPath(DefaultAppDirectory());
            return Directory.Exists(fallback)
                ? fallback
                : throw new DevHostConfigurationException(
                    $"the default function app directory '{fallback}' does not exist: build FuncAuth first or pass --app <dir> (a worker app's build output).");
        }

        string full;
        try
        {
            full = Path.GetFullPath(app.Text);
        }
        catch (ArgumentException)
        {
            throw new DevHostConfigurationException($"{app.Source} '{app.Text}' is not a valid path: pass a worker app's build output directory.");
        }

        return Directory.Exists(full)
            ? full
            : throw new DevHostConfigurationException(
                $"{app.Source} '{full}' does not exist: build the function app first and pass its build output directory.");
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
