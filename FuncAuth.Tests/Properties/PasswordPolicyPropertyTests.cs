using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;

namespace FuncAuth.Tests.Properties;

public sealed class PasswordPolicyPropertyTests
{
    private static readonly PasswordPolicy Policy = TestPasswords.Policy();

    // No blocklist: only the length rules and the repeated-character rule decide.
    private static readonly PasswordPolicy LengthOnly = TestPasswords.Policy(blocklist: new PasswordBlocklist([]));

    private static readonly Gen<string> Passwords = Gen.Frequency(
        (3, TextGen.TextSometimesLong),
        (3, TextGen.PrintableText),
        (1, from piece in Gen.Elements("\ufdfa", "\u3300", "\ufb03", "\U0001D400", "a\u0301", "\u1100\u1161", "\u00bd")
            from count in Gen.Choose(1, 200)
            select string.Concat(Enumerable.Repeat(piece, count))));

    [Property(MaxTest = 500)]
    public Property Check_ArbitraryText_NeverThrowsAndExplainsEveryRefusal() =>
        Prop.ForAll(Passwords.ToArbitrary(), password =>
        {
            var check = Policy.Check(password);

            Assert.True(Enum.IsDefined(check.Problem));
            Assert.Equal(check.IsAcceptable, check.Message is null);
        });

    [Property(MaxTest = 500)]
    public Property TryNormalize_ArbitraryText_Idempotent() =>
        Prop.ForAll(Passwords.ToArbitrary(), password =>
        {
            if (PasswordPolicy.TryNormalize(password, out var normalized))
            {
                Assert.True(PasswordPolicy.TryNormalize(normalized, out var again));
                Assert.Equal(normalized, again);
                Assert.True(normalized.IsNormalized(NormalizationForm.FormKC));
            }
            else if (password.Length <= PasswordPolicy.MaxInputLength)
            {
                Assert.Equal(PasswordProblem.InvalidCharacters, Policy.Check(password).Problem);
            }
        });

    [Property(MaxTest = 500)]
    public Property Check_PrintableText_LengthIsTheRuneCountAfterNfkc() =>
        Prop.ForAll(Passwords.ToArbitrary(), password =>
        {
            var check = LengthOnly.Check(password);
            if (password.Length > PasswordPolicy.MaxInputLength || check.Problem == PasswordProblem.InvalidCharacters)
            {
                return;
            }

            var runes = password.Normalize(NormalizationForm.FormKC).EnumerateRunes().Count();
            var expected = runes < LengthOnly.MinLength ? PasswordProblem.TooShort
                : runes > LengthOnly.MaxLength ? PasswordProblem.TooLong
                : check.Problem == PasswordProblem.Common ? PasswordProblem.Common : PasswordProblem.None;
            Assert.Equal(expected, check.Problem);
        });

    [Property(MaxTest = 300)]
    public Property Check_AcceptablePasswordWithTextAppended_NeverTooShort() =>
        Prop.ForAll(
            (from password in TextGen.PrintableText.Select(p => "correct horse " + p).Where(p => Policy.Check(p).IsAcceptable)
             from suffix in TextGen.PrintableText
             select (password, suffix)).ToArbitrary(),
            c => Assert.NotEqual(PasswordProblem.TooShort, Policy.Check(c.password + c.suffix).Problem));

    [Theory]
    [InlineData("correct horse battery staple\ufffe")]
    [InlineData("\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe\ufffe")]
    public void Check_NoncharacterUfffe_InvalidCharactersNotAnException(string password)
    {
        Assert.False(PasswordPolicy.TryNormalize(password, out _));
        Assert.Equal(PasswordProblem.InvalidCharacters, Policy.Check(password).Problem);
    }
}
