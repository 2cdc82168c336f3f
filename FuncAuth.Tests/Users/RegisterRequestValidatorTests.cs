using FuncAuth.TestSupport.Auth;
using FuncAuth.Users;

namespace FuncAuth.Tests.Users;

public sealed class RegisterRequestValidatorTests
{
    private const string Password = "correct horse battery staple";

    private static Dictionary<string, string[]> Validate(string? email, string? password, string? displayName = null) =>
        RegisterRequestValidator.Validate(new RegisterRequest(email, password, displayName), TestPasswords.Policy());

    [Fact]
    public void Validate_ValidRequest_NoErrors() => Assert.Empty(Validate("bob@example.com", Password, "Bob"));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_EmailMissing_SaysItIsRequired(string? email) =>
        Assert.Equal(["The email is required."], Validate(email, Password)["email"]);

    [Fact]
    public void Validate_EmailInvalid_SaysWhatAValidOneIs() =>
        Assert.StartsWith("The email is not a valid address", Assert.Single(Validate("bob", Password)["email"]), StringComparison.Ordinal);

    [Fact]
    public void Validate_PasswordMissing_SaysItIsRequired() =>
        Assert.Equal(["The password is required."], Validate("bob@example.com", null)["password"]);

    [Fact]
    public void Validate_DisplayNameAtTheLimit_NoErrors() =>
        Assert.Empty(Validate("bob@example.com", Password, new string('b', CredentialRules.MaxDisplayNameLength)));

    [Fact]
    public void Validate_DisplayNameOneOverTheLimit_NamesTheLimit() =>
        Assert.Equal(
            [$"The display name must be at most {CredentialRules.MaxDisplayNameLength} characters, without control, format (zero-width, bidi) or invalid characters."],
            Validate("bob@example.com", Password, new string('b', CredentialRules.MaxDisplayNameLength + 1))["displayName"]);

    [Theory]
    [InlineData("Bob\u200B")]
    [InlineData("Bob\u0007")]
    public void Validate_DisplayNameInvisible_Error(string displayName) =>
        Assert.Single(Validate("bob@example.com", Password, displayName)["displayName"]);

    [Fact]
    public void Validate_DisplayNameWithLoneSurrogate_Error() =>
        Assert.Single(Validate("bob@example.com", Password, "Bob" + '\uD800')["displayName"]);
}
