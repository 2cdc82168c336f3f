using FuncAuth.Users;

namespace FuncAuth.Tests.Users;

public sealed class EmailAddressArgumentTests
{
    [Fact]
    public void Normalize_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => EmailAddress.Normalize(null!));

    [Fact]
    public void Canonical_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => EmailAddress.Canonical(null!));

    [Fact]
    public void LocalPart_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => EmailAddress.LocalPart(null!));

    [Theory]
    [InlineData(" bob@example.com ", "bob")]
    [InlineData("b@example.com", "b")]
    [InlineData("@example.com", "@example.com")]
    [InlineData("no-at-sign", "no-at-sign")]
    public void LocalPart_AnyText_PartBeforeTheAtOrTheWholeText(string email, string expected) =>
        Assert.Equal(expected, EmailAddress.LocalPart(email));
}
