using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class SigningKeyRingTests
{
    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new SigningKeyRing(null!));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("   ")]
    public void Constructor_HmacKeyNotBase64_ThrowsNamingTheKey(string key)
    {
        var options = TestAuth.Options(o => o.SigningKeys = [new SigningKeyOptions { Id = "k2026", Key = key }]);

        var error = Assert.Throws<InvalidOperationException>(() => new SigningKeyRing(options));

        Assert.Contains("'k2026'", error.Message, StringComparison.Ordinal);
        Assert.Contains("base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Es256KeyNotP256_ThrowsNamingTheKey()
    {
        var options = TestAuth.Es256Options("es1");
        options.EcdsaKeys[0].PrivateKey = TestAuth.NewKey();

        var error = Assert.Throws<InvalidOperationException>(() => new SigningKeyRing(options));

        Assert.Contains("'es1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SeveralHmacKeys_NewestSignsAndEveryOneValidates()
    {
        var options = TestAuth.Options(o => o.SigningKeys =
        [
            new SigningKeyOptions { Id = "old", Key = TestAuth.NewKey() },
            new SigningKeyOptions { Id = "new", Key = TestAuth.NewKey() },
        ]);

        var ring = new SigningKeyRing(options);

        Assert.Equal("new", ring.SigningCredentials.Key.KeyId);
        Assert.Equal(["old", "new"], ring.ValidationKeys.Select(k => k.KeyId));
        Assert.Equal(2, ring.Secrets.Count);
        Assert.Empty(ring.PublicKeys);
    }
}
