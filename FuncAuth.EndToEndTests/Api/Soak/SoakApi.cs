using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.Api.Soak;

/// <summary>The HTTP calls of the soak, each recorded in the ledger with its status and time. No cookie jar: cookie-mode
/// sessions send their refresh token as a Cookie header and read the rotated one from Set-Cookie, as a browser would.</summary>
internal sealed class SoakApi(HttpClient http, SoakLedger ledger)
{
    public async Task<HttpStatusCode> RegisterAsync(SoakUser user)
    {
        using var response = await SendAsync("register", Post("api/auth/register", new { email = user.Email, password = user.Password }));
        return response.StatusCode;
    }

    public async Task<(HttpStatusCode Status, SoakSession? Session)> LoginAsync(SoakUser user, string password, bool cookieMode)
    {
        var path = cookieMode ? "api/auth/login" : "api/auth/login?useCookies=false";
        using var response = await SendAsync(cookieMode ? "login (cookies)" : "login (tokens)", Post(path, new { email = user.Email, password }));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        var (access, refresh) = await TokensAsync(response, cookieMode);
        return (response.StatusCode, new SoakSession(user, cookieMode, access, refresh));
    }

    /// <summary>Presents <paramref name="token"/> (the session's current one, or an older one on purpose).</summary>
    public async Task<(HttpStatusCode Status, string? Access, string? Refresh)> RefreshAsync(SoakSession session, string token, string action = "refresh")
    {
        using var request = session.CookieMode
            ? WithCookie(new HttpRequestMessage(HttpMethod.Post, "api/auth/refresh-tokens"), token)
            : Post("api/auth/refresh-tokens?useCookies=false", new { refreshToken = token });
        using var response = await SendAsync(action, request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null, null);
        }

        var (access, refresh) = await TokensAsync(response, session.CookieMode);
        ledger.Accepted(token, refresh);
        return (response.StatusCode, access, refresh);
    }

    public async Task<HttpStatusCode> ProtectedAsync(string path, string accessToken, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
        using var response = await SendAsync(action, request);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> LogoutAsync(SoakSession session)
    {
        using var request = session.CookieMode
            ? WithCookie(new HttpRequestMessage(HttpMethod.Post, "api/auth/logout"), session.Current)
            : Post("api/auth/logout?useCookies=false", new { refreshToken = session.Current });
        using var response = await SendAsync("logout", request);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> LogoutAllAsync(SoakSession session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/logout-all");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + session.AccessToken);
        using var response = await SendAsync("logout-all", request);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string action, HttpRequestMessage request)
    {
        var watch = Stopwatch.StartNew();
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        ledger.Answer(action, response.StatusCode, watch.Elapsed);
        return response;
    }

    private static async Task<(string Access, string Refresh)> TokensAsync(HttpResponseMessage response, bool cookieMode)
    {
        if (!cookieMode)
        {
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
        }

        var cookies = response.Headers.GetValues("Set-Cookie").ToDictionary(c => c[..c.IndexOf('=')], c => c[(c.IndexOf('=') + 1)..c.IndexOf(';')]);
        return (cookies["auth-cookie"], cookies["refresh-cookie"]);
    }

    private static HttpRequestMessage Post(string path, object body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string refreshToken)
    {
        request.Headers.TryAddWithoutValidation("Cookie", $"refresh-cookie={refreshToken}");
        return request;
    }
}
