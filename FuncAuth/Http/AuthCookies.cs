using FuncAuth.Auth;
using FuncAuth.Tokens;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;
using WorkerSameSite = Microsoft.Azure.Functions.Worker.Http.SameSite;

namespace FuncAuth.Http;

/// <summary>
/// Builds and reads the two auth cookies. The access cookie is scoped to <c>/api</c>; the refresh cookie to
/// <c>/api/auth</c> so it never travels with ordinary API calls. Both are HttpOnly.
/// </summary>
public sealed class AuthCookies(IOptions<AuthOptions> options, TimeProvider timeProvider)
{
    /// <summary>Cookie values longer than this are ignored as junk (a JWT of ours is far shorter).</summary>
    public const int MaxCookieValueLength = 4096;

    private readonly AuthCookieOptions _cookies = options.Value.Cookies;

    /// <summary>Sets both cookies for a new or rotated session.</summary>
    public void AppendSessionCookies(HttpResponseData response, IssuedTokens tokens)
    {
        var now = timeProvider.GetUtcNow();
        response.Cookies.Append(Build(_cookies.AccessName, tokens.AccessToken, _cookies.AccessPath, tokens.AccessTokenExpiresAt - now));
        response.Cookies.Append(Build(_cookies.RefreshName, tokens.RefreshToken, _cookies.RefreshPath, tokens.RefreshTokenExpiresAt - now));
    }

    /// <summary>Expires both cookies with the same name, path and attributes they were set with.</summary>
    public void ExpireSessionCookies(HttpResponseData response)
    {
        response.Cookies.Append(Expired(_cookies.AccessName, _cookies.AccessPath));
        response.Cookies.Append(Expired(_cookies.RefreshName, _cookies.RefreshPath));
    }

    /// <summary>The access token from the request's cookie, if present and plausible.</summary>
    public string? ReadAccessToken(HttpRequestData request) => Read(request, _cookies.AccessName);

    /// <summary>The refresh token from the request's cookie, if present and plausible.</summary>
    public string? ReadRefreshToken(HttpRequestData request) => Read(request, _cookies.RefreshName);

    /// <summary>
    /// Builds one cookie with the configured attributes. Max-Age is rounded up to whole seconds so it states the
    /// configured lifetime (900, 86400) although a few milliseconds pass between issuing and writing; the server
    /// still checks the token's own expiry.
    /// </summary>
    public HttpCookie Build(string name, string value, string path, TimeSpan maxAge)
    {
        var cookie = new HttpCookie(name, value)
        {
            Path = path,
            HttpOnly = true,
            Secure = _cookies.SendsSecure,
            SameSite = _cookies.SameSite switch
            {
                CookieSameSite.Lax => WorkerSameSite.Lax,
                CookieSameSite.None => WorkerSameSite.ExplicitNone,
                _ => WorkerSameSite.Strict,
            },
            MaxAge = Math.Max(0, Math.Ceiling(maxAge.TotalSeconds)),
        };
        return cookie;
    }

    private HttpCookie Expired(string name, string path)
    {
        var cookie = Build(name, string.Empty, path, TimeSpan.Zero);
        cookie.Expires = DateTimeOffset.UnixEpoch;
        return cookie;
    }

    /// <remarks>
    /// Parses the <c>Cookie</c> header itself rather than using <c>request.Cookies</c>: the gRPC worker's parser
    /// (<c>GrpcHttpRequestData.ToHttpCookies</c>, worker 2.52.0) throws <see cref="IndexOutOfRangeException"/> on
    /// empty pairs such as <c>Cookie: =</c> or <c>Cookie: ;;</c>, which turned a junk cookie into a 500.
    /// A name sent twice is treated as absent: a sibling subdomain can set a second cookie of the same name (cookie
    /// tossing), and the server cannot tell which one is ours, so it trusts neither.
    /// </remarks>
    private static string? Read(HttpRequestData request, string name)
    {
        if (!request.Headers.TryGetValues("Cookie", out var headers))
        {
            return null;
        }

        string? found = null;
        var matches = 0;
        foreach (var header in headers)
        {
            foreach (var pair in header.Split(';'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                // Stryker disable once Equality : at equals == 0 the name part is empty and never equals a cookie name, so the pair is skipped either way
                if (equals < 0 || !pair.AsSpan(0, equals).Trim().SequenceEqual(name))
                {
                    continue;
                }

                matches++;
                found = pair[(equals + 1)..].Trim();
            }
        }

        return matches != 1 || found is null || found.Length == 0 || found.Length > MaxCookieValueLength ? null : found;
    }
}
