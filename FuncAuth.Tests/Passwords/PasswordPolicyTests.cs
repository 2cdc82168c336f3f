using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;

namespace FuncAuth.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    private readonly PasswordPolicy _policy = TestPasswords.Policy();

    [Theory]
    [InlineData(14, PasswordProblem.TooShort)]
    [InlineData(15, PasswordProblem.None)]
    [InlineData(128, PasswordProblem.None)]
    [InlineData(129, PasswordProblem.TooLong)]
    public void Check_LengthAroundTheDefaults_EnforcesBoth(int length, PasswordProblem expected) =>
        Assert.Equal(expected, _policy.Check(Letters(length)).Problem);

    [Fact]
    public void Check_TooShort_MessageNamesTheMinimum()
    {
        var check = _policy.Check("short password");

        Assert.False(check.IsAcceptable);
        Assert.Equal("The password must be at least 15 characters long.", check.Message);
    }

    [Fact]
    public void Check_TooLong_MessageNamesTheMaximum() =>
        Assert.Equal("The password must be at most 128 characters long.", _policy.Check(Letters(129)).Message);

    [Fact]
    public void Check_AstralCharacters_CountsCodePointsNotUtf16Units()
    {
        // 😀 and 🚀 are one code point but two UTF-16 units each: 14 of them are 28 units, still too short; 15 do.
        Assert.Equal(PasswordProblem.TooShort, _policy.Check(string.Concat(Enumerable.Repeat("\U0001F600\U0001F680", 7))).Problem);
        Assert.Equal(PasswordProblem.None, _policy.Check(string.Concat(Enumerable.Repeat("\U0001F600\U0001F680", 8))[..30]).Problem);
        Assert.Equal(PasswordProblem.None, _policy.Check(string.Concat(Enumerable.Repeat("\U0001F600\U0001F680", 64))).Problem);
        Assert.Equal(PasswordProblem.TooLong, _policy.Check(string.Concat(Enumerable.Repeat("\U0001F600\U0001F680", 64)) + "\U0001F600").Problem);
    }

    [Fact]
    public void Check_LengthCountedAfterNfkc()
    {
        // 16 code points as typed ("e" + combining acute, 8 times) compose to 8: too short.
        Assert.Equal(PasswordProblem.TooShort, _policy.Check(string.Concat(Enumerable.Repeat("e\u0301", 8))).Problem);

        // 5 ligatures "ﬃ" expand to 15 letters: long enough.
        Assert.Equal(PasswordProblem.None, _policy.Check(new string('\ufb03', 5)).Problem);
        Assert.Equal(PasswordProblem.TooShort, _policy.Check(new string('\ufb03', 4)).Problem);
    }

    [Theory]
    [InlineData("qazwsxedcrfvtgb")]
    [InlineData("QAZWSXedcRFVtgb")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("\uff11\uff51\uff41\uff5a\uff12\uff57\uff53\uff58\uff13\uff45\uff44\uff43\uff14\uff52\uff46\uff56")]
    public void Check_BlocklistedAnyCaseOrWidth_Common(string password)
    {
        var check = _policy.Check(password);

        Assert.Equal(PasswordProblem.Common, check.Problem);
        Assert.Contains("too common", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, check.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ppppppppppppppp")]
    [InlineData("               ")]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")]
    public void Check_OneRepeatedCharacter_Common(string password) =>
        Assert.Equal(PasswordProblem.Common, _policy.Check(password).Problem);

    [Theory]
    [InlineData("password")]
    [InlineData("P@ssw0rd")]
    [InlineData("iloveyou")]
    public void Check_MinLengthEight_CommonShortPasswordsRefused(string password) =>
        Assert.Equal(PasswordProblem.Common, TestPasswords.Policy(o => o.MinLength = 8).Check(password).Problem);

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletters")]
    [InlineData("ЖжЖжЖжЖжЖжЖжЖжЖжЖ")]
    [InlineData("pppppppppppppppq")]
    public void Check_NoCompositionRules_Acceptable(string password) =>
        Assert.True(_policy.Check(password).IsAcceptable);

    [Theory]
    [MemberData(nameof(HostilePasswords.UnpairedSurrogateNames), MemberType = typeof(HostilePasswords))]
    public void Check_UnpairedSurrogates_InvalidCharactersWithoutThrowing(string name)
    {
        var check = _policy.Check(HostilePasswords.UnpairedSurrogate(name));

        Assert.Equal(PasswordProblem.InvalidCharacters, check.Problem);
        Assert.Contains("invalid characters", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correct horse\0battery staple")]
    [InlineData("correct horse\nbattery staple")]
    [InlineData("correct horse\u0085battery staple")]
    public void Check_ControlCharacters_InvalidCharacters(string password)
    {
        var check = _policy.Check(password);

        Assert.Equal(PasswordProblem.InvalidCharacters, check.Problem);
        Assert.Contains("invalid characters", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HugeInput_TooLong() =>
        Assert.Equal(PasswordProblem.TooLong, _policy.Check(new string('\ufdfa', PasswordPolicy.MaxInputLength + 1)).Problem);

    [Fact]
    public void Check_ExpandingCharactersWithinInputBound_CountedAfterExpansion()
    {
        // U+FDFA expands to 18 code points under NFKC: 8 of them (8 typed) are 144 > 128.
        Assert.Equal(PasswordProblem.TooLong, _policy.Check(new string('\ufdfa', 8)).Problem);
    }

    [Theory]
    [InlineData("caf\u00e9", "cafe\u0301")]
    [InlineData("office", "o\ufb03ce")]
    [InlineData("ABC", "\uff21\uff22\uff23")]
    public void TryNormalize_EquivalentForms_SameText(string expected, string typed)
    {
        Assert.True(PasswordPolicy.TryNormalize(typed, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void TryNormalize_LoneSurrogate_FalseWithoutThrowing() =>
        Assert.False(PasswordPolicy.TryNormalize("abc" + HostilePasswords.HighSurrogate, out _));

    private static string Letters(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));

    [Fact]
    public void Check_Null_ThrowsArgumentNull() =>
        Assert.Equal("password", Assert.Throws<ArgumentNullException>(() => _policy.Check(null!)).ParamName);

    [Fact]
    public void TryNormalize_Null_ThrowsArgumentNull() =>
        Assert.Equal("password", Assert.Throws<ArgumentNullException>(() => PasswordPolicy.TryNormalize(null!, out _)).ParamName);

    [Theory]
    [InlineData(PasswordPolicy.MaxInputLength, PasswordProblem.InvalidCharacters)]
    [InlineData(PasswordPolicy.MaxInputLength + 1, PasswordProblem.TooLong)]
    public void Check_ControlCharacterAroundTheInputBound_RefusedUnreadOnlyBeyondIt(int length, PasswordProblem expected) =>
        Assert.Equal(expected, _policy.Check("\u0007" + new string('a', length - 1)).Problem);
}
