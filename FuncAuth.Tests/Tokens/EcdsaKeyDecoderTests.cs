using FuncAuth.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class EcdsaKeyDecoderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryDecode_NullOrBlank_ReturnsNull(string? text) => Assert.Null(EcdsaKeyDecoder.TryDecode(text));
}
