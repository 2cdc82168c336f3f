namespace FuncAuth.Auth;

/// <summary>
/// The API's own origins when <c>Auth__PublicOrigins</c> is not set: from <c>WEBSITE_HOSTNAME</c>, which the Functions
/// host sets to the app's default host name in Azure and to <c>localhost:&lt;port&gt;</c> under Core Tools (the DevHost
/// does the same). A loopback name is served over plain http and answers under each loopback spelling.
/// </summary>
public static class OwnOrigins
{
    /// <summary>The setting the Functions host provides.</summary>
    public const string WebsiteHostNameSetting = "WEBSITE_HOSTNAME";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Origins for <paramref name="websiteHostName"/> (<c>host[:port]</c>); empty when it is missing or not a host name.</summary>
    public static IReadOnlyList<string> FromWebsiteHostName(string? websiteHostName)
    {
        if (string.IsNullOrWhiteSpace(websiteHostName)
            || !Uri.TryCreate($"http://{websiteHostName.Trim()}", UriKind.Absolute, out var uri)
            || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
        {
            return [];
        }

        if (!uri.IsLoopback)
        {
            return [$"https://{uri.Authority}"];
        }

        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return LoopbackNames.Select(name => $"http://{name}{port}").ToArray();
    }
}
