using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>
/// Real answers of every operation, successes and the usual failures, checked against the served document: status,
/// body schema (SessionResponse, TokenResponse, UserResponse, Problem, ...) and headers. There is a sample for every
/// documented operation, so a new one cannot go unchecked.
/// </summary>
public sealed class DocumentedAnswersTests : OpenApiFunctionTestBase
{
    private sealed record Sample(string OperationId, HttpStatusCode Expected, string What, Func<ApiClient, Task<TestRequest>> Request);

    private static readonly Sample[] Samples =
    [
        new("Register", HttpStatusCode.Created, "a new account", _ => Task.FromResult(Register(ApiClient.UniqueEmail(), ApiClient.Password, "Ada"))),
        new("Register", HttpStatusCode.Conflict, "a taken email", async api =>
        {
            var email = ApiClient.UniqueEmail();
            await api.RegisterAsync(email);
            return Register(email, ApiClient.Password, null);
        }),
        new("Register", HttpStatusCode.BadRequest, "field errors", _ => Task.FromResult(Register("not-an-email", "short", null))),
        new("Login", HttpStatusCode.OK, "cookie mode", async api => Login(await RegisteredAsync(api), "")),
        new("Login", HttpStatusCode.OK, "token mode", async api => Login(await RegisteredAsync(api), "?useCookies=false")),
        new("Login", HttpStatusCode.Unauthorized, "a wrong password", async api => Login(await RegisteredAsync(api), "", "wrong password!!")),
        new("RefreshTokens", HttpStatusCode.OK, "the refresh cookie", async api =>
            Post("/api/auth/refresh-tokens").WithCookies(("refresh-cookie", ApiClient.RefreshCookie((await api.SignedInUserAsync()).Login)))),
        new("RefreshTokens", HttpStatusCode.OK, "a refreshToken body", async api =>
            Post("/api/auth/refresh-tokens").WithJson($$"""{"refreshToken":"{{await TokenModeRefreshTokenAsync(api)}}"}""")),
        new("RefreshTokens", HttpStatusCode.BadRequest, "the token as cookie and body", async api =>
        {
            var token = await TokenModeRefreshTokenAsync(api);
            return Post("/api/auth/refresh-tokens").WithJson($$"""{"refreshToken":"{{token}}"}""").WithCookies(("refresh-cookie", token));
        }),
        new("RefreshTokens", HttpStatusCode.Unauthorized, "no token", _ => Task.FromResult(Post("/api/auth/refresh-tokens"))),
        new("Logout", HttpStatusCode.NoContent, "the refresh cookie", async api =>
            Post("/api/auth/logout").WithCookies(("refresh-cookie", ApiClient.RefreshCookie((await api.SignedInUserAsync()).Login)))),
        new("Logout", HttpStatusCode.NoContent, "a refreshToken body", async api =>
            Post("/api/auth/logout").WithJson($$"""{"refreshToken":"{{await TokenModeRefreshTokenAsync(api)}}"}""")),
        new("LogoutAll", HttpStatusCode.NoContent, "a bearer token", async api =>
            Post("/api/auth/logout-all").WithBearer(ApiClient.AccessCookie((await api.SignedInUserAsync()).Login))),
        new("Me", HttpStatusCode.OK, "the access cookie", async api =>
            TestRequest.Get("/api/users/me").WithCookies(("auth-cookie", ApiClient.AccessCookie((await api.SignedInUserAsync()).Login)))),
        new("Me", HttpStatusCode.Unauthorized, "an ended session", async api =>
        {
            var (_, login) = await api.SignedInUserAsync();
            await api.SendAsync(Post("/api/auth/logout").WithCookies(("refresh-cookie", ApiClient.RefreshCookie(login))));
            return TestRequest.Get("/api/users/me").WithBearer(ApiClient.AccessCookie(login));
        }),
        new("FavMovies", HttpStatusCode.OK, "a bearer token", async api =>
            TestRequest.Get("/api/users/fav-movies").WithBearer(ApiClient.AccessCookie((await api.SignedInUserAsync()).Login))),
        new("Health", HttpStatusCode.OK, "storage up", _ => Task.FromResult(TestRequest.Get("/api/health"))),
        new("Jwks", HttpStatusCode.NotFound, "HS256", _ => Task.FromResult(TestRequest.Get("/api/.well-known/jwks.json"))),
        new("OpenIdConfiguration", HttpStatusCode.NotFound, "HS256", _ => Task.FromResult(TestRequest.Get("/api/.well-known/openid-configuration"))),
        new("OpenApi", HttpStatusCode.OK, "anonymous", _ => Task.FromResult(TestRequest.Get("/api/openapi.json"))),
    ];

    [Fact]
    public void EveryDocumentedOperationHasASample()
    {
        Assert.Equal(
            Operations.Select(o => o.Operation.OperationId!).Order(StringComparer.Ordinal),
            Samples.Select(s => s.OperationId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryOperationAnswersItsSamplesWithTheDocumentedStatusBodyAndHeaders()
    {
        foreach (var sample in Samples)
        {
            var response = await SendDocumentedAsync(Operation(sample.OperationId), await sample.Request(Api));

            Assert.True(sample.Expected == response.StatusCode, $"{sample.OperationId} with {sample.What}: {(int)response.StatusCode} {response.BodyText}");
        }
    }

    private static TestRequest Post(string path) => TestRequest.Post(path);

    private static TestRequest Register(string email, string password, string? displayName) => Post("/api/auth/register").WithJson(
        displayName is null
            ? $$"""{"email":"{{email}}","password":"{{password}}"}"""
            : $$"""{"email":"{{email}}","password":"{{password}}","displayName":"{{displayName}}"}""");

    private static TestRequest Login(string email, string query, string password = ApiClient.Password) =>
        Post("/api/auth/login" + query).WithJson($$"""{"email":"{{email}}","password":"{{password}}"}""");

    private static async Task<string> RegisteredAsync(ApiClient api)
    {
        var email = ApiClient.UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await api.RegisterAsync(email)).StatusCode);
        return email;
    }

    private static async Task<string> TokenModeRefreshTokenAsync(ApiClient api)
    {
        var login = await api.LoginAsync(await RegisteredAsync(api), useCookies: false);
        return login.BodyJson.GetProperty("refreshToken").GetString()!;
    }
}
