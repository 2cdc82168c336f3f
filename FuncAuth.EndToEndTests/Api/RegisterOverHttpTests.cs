using System.Net;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.Api;

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
    public async Task RegisterAnswers409GivenTheSameEmailInAnotherUnicodeNormalizationForm()
    {
        // "josé" as one code point (NFC) and as "e" + combining acute accent (NFD) look the same: one account.
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var local = $"jos\u00e9-{Guid.NewGuid():N}";
        var nfc = $"{local}@example.test";
        var nfd = nfc.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterAsync(nfc)).StatusCode);

        await ProblemAssert.IsProblemAsync(await browser.RegisterAsync(nfd), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(nfd)).StatusCode);
    }

    [Theory]
    [InlineData("\\u200b")]
    [InlineData("\\u202e")]
    [InlineData("\\u2066")]
    [InlineData("\\u0007")]
    public async Task RegisterAnswers400GivenInvisibleCharactersInTheEmailOrDisplayName(string invisible)
    {
        using var browser = new BrowserLikeClient(server.BaseAddress);
        var email = BrowserLikeClient.UniqueEmail();

        var inEmail = await browser.PostJsonAsync("api/auth/register",
            $$"""{"email":"{{invisible}}{{email}}","password":"{{BrowserLikeClient.Password}}"}""");
        var inName = await browser.PostJsonAsync("api/auth/register",
            $$"""{"email":"{{email}}","password":"{{BrowserLikeClient.Password}}","displayName":"Ada{{invisible}}gnirts"}""");

        await ProblemAssert.IsProblemAsync(inEmail, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(inName, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await browser.RegisterAsync(email)).StatusCode);
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
}
