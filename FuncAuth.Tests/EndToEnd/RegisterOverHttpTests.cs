using System.Net;
using System.Text.Json;

namespace FuncAuth.Tests.EndToEnd;

[Collection(ApiServerCollection.Name)]
public sealed class RegisterOverHttpTests(ApiServerFixture server)
{
    [Fact]
    public async Task RegisterAnswers201WithTheNewUserAndNoSecrets()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var email = BrowserLikeClient.UniqueEmail();

        var response = await browser.RegisterAsync($"  {email} ", displayName: "Ada");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("userId").GetString());
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("Ada", body.GetProperty("displayName").GetString());
        Assert.DoesNotContain(BrowserLikeClient.Password, text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task RegisterAnswers409GivenTheSameEmailInAnotherCaseWithSpaces()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var email = BrowserLikeClient.UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterAsync(email)).StatusCode);

        var again = await browser.RegisterAsync($" {email.ToLowerInvariant()}\t", "another long password");

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    public static TheoryData<string> InvalidRegistrations => new()
    {
        """{"email":"not-an-email","password":"long enough password"}""",
        """{"email":"","password":"long enough password"}""",
        """{"email":"short@example.test","password":"1234567"}""",
        $$"""{"email":"long@example.test","password":"{{new string('p', 129)}}"}""",
        """{"password":"long enough password"}""",
        """{"email":"nopassword@example.test"}""",
        """{}""",
        """{"email":12345,"password":"long enough password"}""",
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task RegisterAnswers400ProblemGivenInvalidInput(string json)
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);

        var response = await browser.PostJsonAsync("api/auth/register", json);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RegisterAcceptsPasswordsOfExactly15And128Characters()
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);

        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterAsync(BrowserLikeClient.UniqueEmail(), Letters(15))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterAsync(BrowserLikeClient.UniqueEmail(), Letters(128))).StatusCode);
    }

    // Not one repeated letter, which the password policy refuses as predictable.
    private static string Letters(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));
}
