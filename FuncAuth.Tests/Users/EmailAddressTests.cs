using FuncAuth.Users;

namespace FuncAuth.Tests.Users;

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
    public void Normalize_NfcAndNfdSpellings_SameKey()
    {
        var nfc = "Jos\u00e9@Example.com";
        var nfd = "Jose\u0301@Example.com";

        Assert.NotEqual(nfc, nfd);
        Assert.Equal("jos\u00e9@example.com", EmailAddress.Normalize(nfc));
        Assert.Equal(EmailAddress.Normalize(nfc), EmailAddress.Normalize(nfd));
        Assert.Equal("Jos\u00e9@Example.com", EmailAddress.Canonical(nfd));
    }

    // Built in code: xunit's test-case serialization would turn lone surrogates in [InlineData] into U+FFFD.
    public static TheoryData<string> LoneSurrogates => new()
    {
        "a" + (char)0xD800 + "b@example.com",
        (char)0xDC00 + "@example.com",
        "x@example.com" + (char)0xD83D,
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)]
    public void Normalize_LoneSurrogate_DoesNotThrowAndIsNotValid(string email)
    {
        Assert.Equal(email.ToLowerInvariant(), EmailAddress.Normalize(email));
        Assert.False(EmailAddress.IsValid(email));
    }

    [Theory]
    [InlineData("jo\u200bse@example.com")]
    [InlineData("\u200dalice@example.com")]
    [InlineData("alice@exam\u202eple.com")]
    [InlineData("alice\u2066@example.com")]
    [InlineData("alice\u00ad@example.com")]
    [InlineData("alice\ufeff@example.com")]
    public void IsValid_InvisibleFormatOrBidiCharacters_False(string email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void IsValid_NonAsciiLetters_True() => Assert.True(EmailAddress.IsValid("jos\u00e9@b\u00fccher.example"));

    [Fact]
    public void IsValid_LengthLimit_AcceptsAt254AndRejectsAt255()
    {
        var domain = "@example.com";
        Assert.True(EmailAddress.IsValid(new string('a', 254 - domain.Length) + domain));
        Assert.False(EmailAddress.IsValid(new string('a', 255 - domain.Length) + domain));
    }
}
