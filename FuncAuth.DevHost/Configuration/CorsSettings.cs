namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// The CORS policy the DevHost applies in front of the functions, like Core Tools: the origins of <c>--cors</c>
/// (<c>DEVHOST_CORS</c>), else <c>Host.CORS</c> in local.settings.json; credentials from <c>--cors-credentials</c>
/// (<c>DEVHOST_CORS_CREDENTIALS</c>), else <c>Host.CORSCredentials</c>. No origins means no CORS middleware at all.
/// </summary>
public sealed record CorsSettings(IReadOnlyList<string> Origins, bool AllowCredentials)
{
    public static CorsSettings Resolve(OptionReader input, LocalSettings localSettings)
    {
        const string fromLocalSettings = "in " + LocalSettings.FileName;
        var credentials = input.Get(CommandLine.CorsCredentialsFlag) is { } flag
            ? OptionParsers.ParseFlag(flag)
            : localSettings.CorsCredentials;
        var (origins, source) = input.Get("cors") is { } cors
            ? (cors.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), cors.Source)
            : (localSettings.CorsOrigins, $"Host.CORS {fromLocalSettings}");
        foreach (var origin in origins)
        {
            Validate(origin, source, credentials);
        }

        return new CorsSettings(origins, credentials);
    }

    /// <summary>
    /// An entry that is not exactly <c>scheme://host[:port]</c> would never equal a browser's <c>Origin</c> header (a
    /// trailing slash is enough), so CORS would fail later without a word; refusing it at start-up says why.
    /// </summary>
    private static void Validate(string origin, string source, bool credentials)
    {
        if (origin == "*")
        {
            if (credentials)
            {
                throw new DevHostConfigurationException(
                    $"{source} allows any origin ('*') together with credentials, which browsers refuse: list the origins, e.g. http://localhost:5173.");
            }

            return;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
        {
            throw new DevHostConfigurationException(
                $"{source} '{origin}' is not an origin: write scheme://host[:port] without a path or a trailing slash, e.g. http://localhost:5173.");
        }
    }
}
