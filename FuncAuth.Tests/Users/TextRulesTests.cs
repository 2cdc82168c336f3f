using FuncAuth.Users;

namespace FuncAuth.Tests.Users;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("a\U0001F600b")]
    [InlineData("\U0001F600")]
    [InlineData("\U0001F600\U0001F600")]
    public void IsWellFormed_SurrogatePairs_True(string value) => Assert.True(TextRules.IsWellFormed(value));

    // Built in code: xunit replaces lone surrogates in InlineData with U+FFFD.
    [Theory]
    [InlineData("high-last")]
    [InlineData("low-first")]
    [InlineData("noncharacter")]
    public void IsWellFormed_LoneSurrogateOrNoncharacter_False(string name)
    {
        var value = name switch
        {
            "high-last" => "a" + '\uD83D',
            "low-first" => '\uDE00' + "a",
            _ => "a" + '\uFFFE',
        };

        Assert.False(TextRules.IsWellFormed(value));
    }

    [Fact]
    public void IsWellFormed_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => TextRules.IsWellFormed(null!));

    [Fact]
    public void HasInvisibleCharacters_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => TextRules.HasInvisibleCharacters(null!));

    [Fact]
    public void ToNfc_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => TextRules.ToNfc(null!));
}
