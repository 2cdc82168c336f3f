using FuncAuth.Auth;
using FuncAuth.Sessions;
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

    /// <summary>Builds one cookie with the configured attributes; Max-Age in whole seconds.</summary>
    public HttpCookie Build(string name, string value, string path, TimeSpan maxAge)
    {
        var cookie = new HttpCookie(name, value)
        {
            Path = path,
            HttpOnly = true,
            Secure = _cookies.Secure || _cookies.SameSite == CookieSameSite.None,
            SameSite = _cookies.SameSite switch
            {
                CookieSameSite.Lax => WorkerSameSite.Lax,
                CookieSameSite.None => WorkerSameSite.ExplicitNone,
                _ => WorkerSameSite.Strict,
            },
            MaxAge = Math.Max(0, Math.Floor(maxAge.TotalSeconds)),
        };
        return cookie;
    }

    private HttpCookie Expired(string name, string path)
    {
        var cookie = Build(name, string.Empty, path, TimeSpan.Zero);
        cookie.Expires = DateTimeOffset.UnixEpoch;
        return cookie;
    }

    private static string? Read(HttpRequestData request, string name)
    {
        foreach (var cookie in request.Cookies)
        {
            if (string.Equals(cookie.Name, name, StringComparison.Ordinal))
            {
                var value = cookie.Value?.Trim();
                return string.IsNullOrEmpty(value) || value.Length > MaxCookieValueLength ? null : value;
            }
        }

        return null;
    }
}
