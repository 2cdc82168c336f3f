using FuncAuth.Users;

namespace FuncAuth.Tests.Unit.Users;

public sealed class EmailAddressTests
{
    [Fact]
    public void Normalize_MixedCaseWithSpaces_TrimsAndLowerCases() =>
        Assert.Equal("alice@example.com", EmailAddress.Normalize("  Alice@Example.COM\t"));

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("a.b+tag@sub.example.co.uk")]
    [InlineData("  alice@example.com  ")]
    public void IsValid_WellFormed_True(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("alice")]
    [InlineData("@example.com")]
    [InlineData("alice@")]
    [InlineData("alice@localhost")]
    [InlineData("alice@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("al ice@example.com")]
    [InlineData("alice@exa\u0000mple.com")]
    [InlineData("alice@.com")]
    [InlineData("alice@example.")]
    [InlineData("alice@example..com")]
    public void IsValid_Malformed_False(string? email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void IsValid_LengthLimit_AcceptsAt254AndRejectsAt255()
    {
        var domain = "@example.com";
        Assert.True(EmailAddress.IsValid(new string('a', 254 - domain.Length) + domain));
        Assert.False(EmailAddress.IsValid(new string('a', 255 - domain.Length) + domain));
    }
}
