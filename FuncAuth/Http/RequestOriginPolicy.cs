using FuncAuth.Auth;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace FuncAuth.Http;

/// <summary>
/// Decides whether a state-changing request comes from the API's own origin (scheme of the request URL plus
/// its <c>Host</c> header) or a configured allowed origin. Browsers always send <c>Origin</c> (or at least
/// <c>Referer</c>) on cross-site POSTs; requests with neither come from non-browser clients and pass.
/// </summary>
public sealed class RequestOriginPolicy(IOptions<AuthOptions> options)
{
    private readonly HashSet<string> _allowed = options.Value.AllowedOrigins
        .Select(o => TryGetOrigin(o, out var origin) ? origin : null)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the request may change state.</summary>
    public bool IsAllowed(HttpRequestData request)
    {
        string? claimed;
        if (request.Headers.TryGetValues("Origin", out var origins))
        {
            claimed = origins.FirstOrDefault();
        }
        else if (request.Headers.TryGetValues("Referer", out var referers))
        {
            claimed = referers.FirstOrDefault();
        }
        else
        {
            return true;
        }

        // "null" (sandboxed frames, privacy redirects) and anything unparsable count as foreign.
        if (claimed is null || !TryGetOrigin(claimed, out var origin))
        {
            return false;
        }

        return _allowed.Contains(origin) || string.Equals(origin, OwnOrigin(request), StringComparison.OrdinalIgnoreCase);
    }

    private static string? OwnOrigin(HttpRequestData request)
    {
        var host = request.Headers.TryGetValues("Host", out var hosts) ? hosts.FirstOrDefault() : request.Url.Authority;
        return string.IsNullOrWhiteSpace(host) || !TryGetOrigin($"{request.Url.Scheme}://{host}", out var origin) ? null : origin;
    }

    /// <summary>Normalizes <c>scheme://host[:port]</c> (default ports dropped) from an origin or URL.</summary>
    public static bool TryGetOrigin(string value, out string origin)
    {
        origin = string.Empty;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        return true;
    }
}
