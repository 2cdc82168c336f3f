using FuncAuth.Auth;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace FuncAuth.Http;

/// <summary>
/// Decides whether a state-changing request comes from one of the API's own origins (<c>Auth__PublicOrigins</c>) or a
/// configured allowed origin (<c>Auth__AllowedOrigins</c>). The request's own <c>Host</c> header is never trusted for
/// this: under DNS rebinding a hostile page's requests carry its own host name. Browsers always send <c>Origin</c>
/// (or at least <c>Referer</c>) on cross-site POSTs; requests with neither come from non-browser clients and pass.
/// </summary>
public sealed class RequestOriginPolicy(IOptions<AuthOptions> options)
{
    private readonly HashSet<string> _allowed = options.Value.PublicOrigins
        .Concat(options.Value.AllowedOrigins)
        .Select(o => WebOrigin.TryNormalize(o, out var origin) ? origin : null)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the request may change state.</summary>
    public bool IsAllowed(HttpRequestData request)
    {
        string? claimed;
        if (request.Headers.TryGetValues(HttpNames.Headers.Origin, out var origins))
        {
            // Stryker disable once Linq : TryGetValues answers false for a header without values (RequestOriginPolicyTests), so a first value exists
            claimed = origins.FirstOrDefault();
        }
        else if (request.Headers.TryGetValues(HttpNames.Headers.Referer, out var referers))
        {
            // Stryker disable once Linq : TryGetValues answers false for a header without values (RequestOriginPolicyTests), so a first value exists
            claimed = referers.FirstOrDefault();
        }
        else
        {
            return true;
        }

        // "null" (sandboxed frames, privacy redirects) and anything unparsable count as foreign.
        return WebOrigin.TryNormalize(claimed, out var origin) && _allowed.Contains(origin);
    }
}
