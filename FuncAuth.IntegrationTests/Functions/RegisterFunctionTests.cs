using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class RegisterFunctionTests : FunctionTestBase
{
    [Fact]
    public async Task RegisterCreatesTheUserAndAnswers201WithoutSecrets()
    {
        var email = ApiClient.UniqueEmail();

        var response = await Api.RegisterAsync(email, displayName: "Alice");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        var body = response.BodyJson;
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("Alice", body.GetProperty("displayName").GetString());
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("userId").GetString());
        Assert.DoesNotContain("password", response.BodyText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RegisterDefaultsTheDisplayNameToTheEmailLocalPart()
    {
        var email = ApiClient.UniqueEmail();

        var response = await Api.RegisterAsync(email);

        Assert.Equal(email.Split('@')[0], response.BodyJson.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task RegisterConflictsGivenTheSameEmailInAnotherCaseWithSpaces()
    {
        var email = ApiClient.UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync(email)).StatusCode);

        var again = await Api.RegisterAsync($"  {email.ToUpperInvariant()} ");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Header("Content-Type"));
        Assert.Equal(409, again.BodyJson.GetProperty("status").GetInt32());
        // The first account is intact: its password still works.
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(email)).StatusCode);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.test")]
    [InlineData("spaces in@example.test")]
    [InlineData("@example.test")]
    public async Task RegisterRejectsAnInvalidEmail(string email)
    {
        var response = await Api.RegisterAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.BodyJson.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Theory]
    [InlineData(14, HttpStatusCode.BadRequest)]
    [InlineData(15, HttpStatusCode.Created)]
    [InlineData(128, HttpStatusCode.Created)]
    [InlineData(129, HttpStatusCode.BadRequest)]
    public async Task RegisterEnforcesPasswordLengthBounds(int length, HttpStatusCode expected)
    {
        var password = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));

        var response = await Api.RegisterAsync(ApiClient.UniqueEmail(), password);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("short password", "at least 15 characters")]
    [InlineData("1qaz2wsx3edc4rfv", "too common")]
    [InlineData("pppppppppppppppppppp", "too common")]
    public async Task RegisterRefusesAWeakPasswordAndSaysWhy(string password, string reason)
    {
        var response = await Api.RegisterAsync(ApiClient.UniqueEmail(), password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        var message = Assert.Single(response.BodyJson.GetProperty("errors").GetProperty("password").EnumerateArray()).GetString();
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterCountsCodePointsAfterNfkcAndLoginMatchesTheEquivalentForm()
    {
        var email = ApiClient.UniqueEmail();

        // Five "ﬃ" ligatures are 15 letters after NFKC; "ffi" typed five times is the same password.
        var created = await Api.RegisterAsync(email, "\\ufb03\\ufb03\\ufb03\\ufb03\\ufb03");
        var login = await Api.LoginAsync(email, "ffiffiffiffiffi");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, login.StatusCode));
    }

    [Fact]
    public async Task RegisterWithAnUnpairedSurrogateEscapeInThePasswordAnswers400AndStoresNothing()
    {
        var email = ApiClient.UniqueEmail();

        var response = await Api.RegisterAsync(email, "correct horse \\ud800 battery staple");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync(email)).StatusCode);
    }

    [Theory]
    [InlineData("""{"password":"long enough password"}""", "email")]
    [InlineData("""{"email":"a@example.test"}""", "password")]
    public async Task RegisterRejectsMissingFields(string json, string field)
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/register").WithJson(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.BodyJson.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task RegisterAnswers400NotA500GivenANumericEmail()
    {
        var response = await Api.SendAsync(TestRequest.Post("/api/auth/register").WithJson("""{"email":12345,"password":"long enough password"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Contains("$.email", response.BodyJson.GetProperty("detail").GetString());
    }
}
