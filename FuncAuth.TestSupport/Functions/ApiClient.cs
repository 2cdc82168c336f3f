using System.Net;

namespace FuncAuth.TestSupport.Functions;

/// <summary>Contract-level helpers over <see cref="FunctionTestHost"/>: unique users, login, cookie values.</summary>
public sealed class ApiClient(FunctionTestHost host)
{
    public const string Password = "correct horse battery staple";

    public FunctionTestHost Host => host;

    public static string UniqueEmail() => $"user-{Guid.NewGuid():N}@example.test";

    public Task<TestHttpResponseData> SendAsync(TestRequest request) => host.SendAsync(request);

    public Task<TestHttpResponseData> RegisterAsync(string email, string password = Password, string? displayName = null) =>
        host.SendAsync(TestRequest.Post("/api/auth/register").WithJson(
            displayName is null
                ? $$"""{"email":"{{email}}","password":"{{password}}"}"""
                : $$"""{"email":"{{email}}","password":"{{password}}","displayName":"{{displayName}}"}"""));

    public Task<TestHttpResponseData> LoginAsync(string email, string password = Password, bool useCookies = true) =>
        host.SendAsync(TestRequest.Post(useCookies ? "/api/auth/login" : "/api/auth/login?useCookies=false")
            .WithJson($$"""{"email":"{{email}}","password":"{{password}}"}"""));

    /// <summary>Registers a fresh user and logs in with cookies; returns the email and the login response.</summary>
    public async Task<(string Email, TestHttpResponseData Login)> SignedInUserAsync()
    {
        var email = UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(email)).StatusCode);
        var login = await LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (email, login);
    }

    public static string AccessCookie(TestHttpResponseData response) => response.Cookie("auth-cookie").Value;

    public static string RefreshCookie(TestHttpResponseData response) => response.Cookie("refresh-cookie").Value;

    public Task<TestHttpResponseData> RefreshWithCookieAsync(string refreshToken) =>
        host.SendAsync(TestRequest.Post("/api/auth/refresh-tokens").WithCookies(("refresh-cookie", refreshToken)));

    public Task<TestHttpResponseData> FavMoviesWithCookieAsync(string accessToken) =>
        host.SendAsync(TestRequest.Get("/api/users/fav-movies").WithCookies(("auth-cookie", accessToken)));
}
