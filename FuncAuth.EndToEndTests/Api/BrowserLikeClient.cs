using System.Net;
using System.Text;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// One "browser" (one device) talking to the API: a real <see cref="HttpClient"/> over a socket, with its own
/// <see cref="BrowserLikeCookieJar"/>. Two instances are two devices.
/// </summary>
public sealed class BrowserLikeClient : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly BrowserLikeCookieHandler _handler;

    public BrowserLikeClient(Uri baseAddress)
    {
        _handler = new BrowserLikeCookieHandler(new BrowserLikeCookieJar())
        {
            InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false },
        };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public BrowserLikeCookieJar Jar => _handler.Jar;

    public IReadOnlyList<SentRequest> RequestLog => _handler.Log;

    /// <summary>An email no other test uses, with upper case so case-insensitivity is always exercised.</summary>
    public static string UniqueEmail() => $"E2E-{Guid.NewGuid():N}@Example.test";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) => Http.PostAsync(path, Json(json));

    public Task<HttpResponseMessage> PostAsync(string path) => Http.PostAsync(path, content: null);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> RegisterAsync(string email, string password = Password, string? displayName = null) =>
        PostJsonAsync("api/auth/register", JsonSerializer.Serialize(new { email, password, displayName }));

    public Task<HttpResponseMessage> LoginAsync(string email, string password = Password, bool useCookies = true) =>
        PostJsonAsync(useCookies ? "api/auth/login" : "api/auth/login?useCookies=false", JsonSerializer.Serialize(new { email, password }));

    public Task<HttpResponseMessage> RefreshAsync() => PostAsync("api/auth/refresh-tokens");

    /// <summary>Registers a fresh user and logs in with cookies; returns the email and the login response.</summary>
    public async Task<(string Email, HttpResponseMessage Login)> SignInNewUserAsync()
    {
        var email = UniqueEmail();
        var registered = await RegisterAsync(email);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var login = await LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (email, login);
    }

    /// <summary>A GET with <c>Authorization: Bearer</c> (the jar still adds its cookies, as a browser would).</summary>
    public Task<HttpResponseMessage> GetWithBearerAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
