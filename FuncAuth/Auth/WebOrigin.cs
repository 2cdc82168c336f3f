using System.Diagnostics.CodeAnalysis;

namespace FuncAuth.Auth;

/// <summary>
/// The one reading of web origins (<c>scheme://host[:port]</c>), shared by startup validation of
/// <c>Auth__PublicOrigins</c> / <c>Auth__AllowedOrigins</c> and by the request-time origin check, so an origin that
/// passes validation is exactly one the check can match.
/// </summary>
public static class WebOrigin
{
    /// <summary>Normalizes <c>scheme://host[:port]</c> (default port dropped) from an origin or a URL such as a Referer.</summary>
    public static bool TryNormalize(string? value, out string origin)
    {
        origin = string.Empty;
        if (!TryParse(value, out var uri))
        {
            return false;
        }

        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> is an origin as a browser sends it: http(s), a host, an optional port, and
    /// nothing else (no user info; nothing after the authority, not even <c>/</c>, which could never match).
    /// </summary>
    public static bool IsOrigin(string? value)
    {
        if (!TryParse(value, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var afterScheme = value.IndexOf("://", StringComparison.Ordinal) + 3;
        return value.IndexOfAny(['/', '?', '#', ' '], afterScheme) < 0;
    }

    /// <summary>True for a plain-http origin whose host is not loopback: unencrypted on a real network.</summary>
    public static bool IsPlainHttpRemote(string? value) =>
        TryParse(value, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;

    private static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        return !string.IsNullOrWhiteSpace(value)
            && Uri.TryCreate(value.Trim(), UriKind.Absolute, out uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);
    }
}
