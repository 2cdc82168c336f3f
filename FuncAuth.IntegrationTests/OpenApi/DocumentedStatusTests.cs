using System.Net;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.OpenApi;
using Microsoft.OpenApi;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>
/// Each documented operation, probed through the real middleware chain the way a hostile or careless client would: every
/// answer must be a status the document lists for that operation, with a body of the documented schema and the documented
/// headers. The probes derive from the document itself, so a new operation is probed as soon as it is documented.
/// </summary>
public sealed class DocumentedStatusTests : OpenApiFunctionTestBase
{
    [Fact]
    public async Task AForeignOriginGets403OnEveryStateChangingOperationAsDocumented()
    {
        var posts = Operations.Where(o => o.Method != HttpMethod.Get).ToList();

        Assert.NotEmpty(posts);
        foreach (var operation in posts)
        {
            var response = await SendDocumentedAsync(operation, RequestFor(operation).WithHeader("Origin", "https://attacker.example"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task EveryOperationWithABodyAnswersAnOversizedBody413AWrongMediaType415AndMalformedJson400AsDocumented()
    {
        var withBody = Operations.Where(o => o.Operation.RequestBody is not null).ToList();

        Assert.NotEmpty(withBody);
        foreach (var operation in withBody)
        {
            var oversized = await SendDocumentedAsync(operation, RequestFor(operation).WithBody(new byte[16 * 1024 + 1], "application/json"));
            var plainText = await SendDocumentedAsync(operation, RequestFor(operation).WithJson("""{"email":"a@example.test"}""", "text/plain"));
            var malformed = await SendDocumentedAsync(operation, RequestFor(operation).WithJson("""{"email":"""));

            Assert.Equal(
                (HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest),
                (oversized.StatusCode, plainText.StatusCode, malformed.StatusCode));
        }
    }

    [Fact]
    public async Task OperationsWithoutADocumentedBodyIgnoreOneWhateverItIs()
    {
        var (_, login) = await Api.SignedInUserAsync();
        var withoutBody = Operations.Where(o => o.Operation.RequestBody is null).OrderBy(o => o.Operation.OperationId == "LogoutAll").ToList();

        Assert.NotEmpty(withoutBody);
        foreach (var operation in withoutBody)
        {
            var request = RequestFor(operation).WithBody(new byte[16 * 1024 + 1], "text/plain").WithCookies(("auth-cookie", ApiClient.AccessCookie(login)));
            var response = await SendDocumentedAsync(operation, request);
            Assert.True(
                response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType),
                $"{operation} documents no body but answered {(int)response.StatusCode} to one.");
        }
    }

    [Fact]
    public async Task UseCookiesOtherThanTrueOrFalseIsA400ExactlyWhereTheParameterIsDocumented()
    {
        foreach (var operation in Operations)
        {
            var response = await SendDocumentedAsync(operation, RequestFor(operation, "?useCookies=maybe"));

            var documented = operation.Operation.Parameters?.Any(p => p.Name == "useCookies" && p.In == ParameterLocation.Query) == true;
            Assert.True(documented == (response.StatusCode == HttpStatusCode.BadRequest), $"{operation}: useCookies documented {documented}, answered {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task AnonymousCallsToOperationsThatRequireAnAccessTokenGet401WithABearerChallenge()
    {
        var requiringToken = Operations.Where(o => o.SecurityAlternatives() is { Count: > 0 } alternatives && !alternatives.Contains("")).ToList();

        Assert.Equal(["FavMovies", "LogoutAll", "Me"], requiringToken.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal));
        foreach (var operation in requiringToken)
        {
            var anonymous = await SendDocumentedAsync(operation, RequestFor(operation));
            var forged = await SendDocumentedAsync(operation, RequestFor(operation).WithBearer("not.a.jwt"));

            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anonymous.StatusCode, forged.StatusCode));
            Assert.Equal("Bearer error=\"invalid_token\"", forged.Header("WWW-Authenticate"));
        }
    }

    [Fact]
    public async Task ALockedAccountGets429WithRetryAfterInTheHeaderAndTheBodyAsDocumentedForLogin()
    {
        var login = Operation("Login");
        var email = ApiClient.UniqueEmail();
        await Api.RegisterAsync(email);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendDocumentedAsync(login, LoginRequest(email, "wrong password!"))).StatusCode);
        }

        var locked = await SendDocumentedAsync(login, LoginRequest(email, ApiClient.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(locked.Header("Retry-After"), locked.BodyJson.GetProperty("retryAfter").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static TestRequest LoginRequest(string email, string password) =>
        TestRequest.Post("/api/auth/login").WithJson($$"""{"email":"{{email}}","password":"{{password}}"}""");
}
