using FuncAuth.Auth;

namespace FuncAuth.Tests.Auth;

public sealed class SigningKeyDecoderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryDecodeEcdsa_NullOrBlank_ReturnsNull(string? text) => Assert.Null(SigningKeyDecoder.TryDecodeEcdsa(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryDecodeHmac_NullOrBlank_ReturnsFalse(string? text) => Assert.False(SigningKeyDecoder.TryDecodeHmac(text, out _));
}
