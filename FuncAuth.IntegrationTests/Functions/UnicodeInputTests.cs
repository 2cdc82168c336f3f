using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

/// <summary>Regressions for what fuzzing found in the text rules (docs/fuzzing.md), through the real functions and storage.</summary>
public sealed class UnicodeInputTests : FunctionTestBase
{
    // U+FFFE made string.Normalize throw: register and login answered 500. Raw UTF-8 (EF BF BE) and the JSON escape
    // both deliver it.
    [Theory]
    [InlineData("email", "\ufffe")]
    [InlineData("email", "\\ufffe")]
    [InlineData("password", "\ufffe")]
    [InlineData("displayName", "\\ufffe")]
    public async Task RegisterAnswers400NotA500GivenTheNoncharacterUfffeInAField(string field, string noncharacter)
    {
        var email = ApiClient.UniqueEmail();
        var response = field switch
        {
            "email" => await Api.RegisterAsync(noncharacter + email),
            "password" => await Api.RegisterAsync(email, ApiClient.Password + noncharacter),
            _ => await Api.RegisterAsync(email, displayName: "Alice" + noncharacter),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.True(response.BodyJson.GetProperty("errors").TryGetProperty(field, out _), response.BodyText);
    }

    [Fact]
    public async Task LoginAnswers401NotA500GivenTheNoncharacterUfffeInTheEmailOrThePassword()
    {
        var email = ApiClient.UniqueEmail();
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync(email)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.LoginAsync(email, ApiClient.Password + "\ufffe")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.LoginAsync(email + "\ufffe")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(email)).StatusCode);
    }

    // Lower-casing after NFC made "T" + U+0308 and "ẗ" (U+1E97) two keys: two accounts for one address up to case.
    [Fact]
    public async Task RegisterAnswers409GivenAnEmailThatDiffersOnlyInTheCaseOfALetterWithACombiningMark()
    {
        var local = Guid.NewGuid().ToString("N");
        var upper = $"T\u0308om-{local}@example.test";
        var lower = $"\u1e97om-{local}@example.test";
        Assert.Equal(HttpStatusCode.Created, (await Api.RegisterAsync(upper)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await Api.RegisterAsync(lower)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(lower)).StatusCode);
    }
}
