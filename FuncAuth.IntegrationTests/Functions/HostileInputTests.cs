using System.Net;
using System.Text;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class HostileInputTests : FunctionTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Auth:AllowedOrigins:0"] = "https://app.example.test";

    public static TheoryData<string, string> BadJson => new()
    {
        { "/api/auth/register", "{\"email\": " },
        { "/api/auth/register", "[1,2,3]" },
        { "/api/auth/register", "null" },
        { "/api/auth/register", "{\"email\":\"a@example.test\",\"password\":[\"x\"]}" },
        { "/api/auth/register", "{\"email\":\"a@example.test\",\"email\":\"b@example.test\",\"password\":\"long enough password\"}" },
        { "/api/auth/login", "not json at all" },
        { "/api/auth/login", "{\"email\":{\"$ne\":null},\"password\":\"x\"}" },
        { "/api/auth/login", "{\"email\":true,\"password\":1}" },
        { "/api/auth/refresh-tokens?useCookies=false", "{\"refreshToken\":42}" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public async Task MalformedOrMistypedJsonIsA400Problem(string path, string json)
    {
        var response = await Api.SendAsync(TestRequest.Post(path).WithJson(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        var problem = response.BodyJson;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", response.BodyText);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/login")]
    public async Task AnEmptyBodyIsA400(string path)
    {
        var response = await Api.SendAsync(TestRequest.Post(path).WithBody([], "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOver16KiBIsA413WhetherOrNotItsLengthIsDeclared(bool declareLength)
    {
        var json = $$"""{"email":"a@example.test","password":"{{new string('p', 17 * 1024)}}"}""";
        var request = TestRequest.Post("/api/auth/login").WithJson(json);
        if (!declareLength)
        {
            request = request with { Headers = request.Headers.Where(h => h.Key != "Content-Length").ToList() };
        }

        var response = await Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task ANonJsonContentTypeIsA415(string? contentType)
    {
        var body = Encoding.UTF8.GetBytes("""{"email":"a@example.test","password":"long enough password"}""");

        var response = await Api.SendAsync(TestRequest.Post("/api/auth/register").WithBody(body, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/refresh-tokens")]
    [InlineData("/api/auth/logout")]
    [InlineData("/api/auth/logout-all")]
    public async Task ACrossSiteOriginIsForbiddenOnStateChangingRoutes(string path)
    {
        var response = await Api.SendAsync(TestRequest.Post(path).WithHeader("Origin", "https://evil.example").WithJson("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Empty(response.SetCookies);
    }

    [Fact]
    public async Task ACrossSiteRegisterChangesNothing()
    {
        var email = ApiClient.UniqueEmail();
        var body = $$"""{"email":"{{email}}","password":"long enough password"}""";

        var forbidden = await Api.SendAsync(TestRequest.Post("/api/auth/register").WithHeader("Referer", "https://evil.example/page").WithJson(body));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.SendAsync(TestRequest.Post("/api/auth/register").WithJson(body))).StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://localhost:7071")]
    [InlineData("Origin", "https://app.example.test")]
    [InlineData("Referer", "http://localhost:7071/app/index.html")]
    public async Task SameSiteAndAllowedOriginsPass(string header, string value)
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/register").WithHeader(header, value)
            .WithJson($$"""{"email":"{{ApiClient.UniqueEmail()}}","password":"long enough password"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://localhost:7072")]
    [InlineData("https://localhost:7071")]
    public async Task LookalikeOriginsAreForbidden(string origin)
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/logout").WithHeader("Origin", origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
