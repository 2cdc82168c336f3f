using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Users;

namespace FuncAuth.Tests.Properties;

public sealed class EmailAddressPropertyTests
{
    private static readonly Gen<string> LocalPart = Gen.NonEmptyListOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789._+-".ToCharArray()))
        .Select(c => new string([.. c]).Trim('.'))
        .Where(s => s.Length > 0);

    private static readonly Gen<string> ValidEmail =
        from local in LocalPart
        from domain in Gen.Elements("example.com", "mail.example.test", "b.co", "\u00e9cole.fr")
        select $"{local}@{domain}";

    [Property(MaxTest = 500)]
    public Property Normalize_ArbitraryText_NeverThrowsAndIdempotent() =>
        Prop.ForAll(TextGen.TextSometimesLong.ToArbitrary(), text =>
        {
            var key = EmailAddress.Normalize(text);

            Assert.Equal(key, EmailAddress.Normalize(key));
            Assert.Equal(key, EmailAddress.Normalize(EmailAddress.Canonical(text)));
        });

    [Property(MaxTest = 500)]
    public Property IsValid_ArbitraryText_NeverThrowsAndValidOnlyForVisibleSingleAtText() =>
        Prop.ForAll(TextGen.TextSometimesLong.ToArbitrary(), text =>
        {
            if (!EmailAddress.IsValid(text))
            {
                return;
            }

            var trimmed = text.Trim();
            Assert.True(TextRules.IsWellFormed(trimmed));
            Assert.False(TextRules.HasInvisibleCharacters(trimmed));
            Assert.Single(trimmed, c => c == '@');
            Assert.DoesNotContain(trimmed, char.IsWhiteSpace);
            Assert.InRange(trimmed.Length, 3, EmailAddress.MaxLength);
            Assert.True(EmailAddress.Normalize(text).IsNormalized(NormalizationForm.FormC));
        });

    [Property(MaxTest = 500)]
    public Property Normalize_LettersInNfcOrNfd_SameKey() =>
        Prop.ForAll(
            (from local in TextGen.Letters from domain in TextGen.Letters select $"{local}@{domain}.example").ToArbitrary(),
            email => Assert.Equal(
                EmailAddress.Normalize(email.Normalize(NormalizationForm.FormC)),
                EmailAddress.Normalize(email.Normalize(NormalizationForm.FormD))));

    [Property(MaxTest = 500)]
    public Property IsValid_FormatOrControlCharacterInserted_NeverValid() =>
        Prop.ForAll(
            (from email in ValidEmail
             from invisible in Gen.OneOf(Gen.Elements(TextGen.FormatCharacters), Gen.Elements(TextGen.ControlCharacters))
             from position in Gen.Choose(1, email.Length - 1)
             select (email, invisible, position)).ToArbitrary(),
            c =>
            {
                Assert.True(EmailAddress.IsValid(c.email));
                Assert.False(EmailAddress.IsValid(c.email.Insert(c.position, c.invisible)));
            });

    // Found by these properties (docs/fuzzing.md): lower-casing made the pairs composable after NFC had run, so the
    // key of "T̈om" was "t" + U+0308 while the key of "ẗom" was U+1E97: two accounts for one address up to case.
    [Theory]
    [InlineData("T\u0308om@example.com", "\u1e97om@example.com")]
    [InlineData("J\u030Cim@example.com", "\u01f0im@example.com")]
    [InlineData("H\u0331a@example.com", "\u1e96a@example.com")]
    [InlineData("W\u030Aa@example.com", "\u1e98a@example.com")]
    [InlineData("\u0386\u0345@example.gr", "\u1fb4@example.gr")]
    [InlineData("\u0391\u0342@example.gr", "\u1fb6@example.gr")]
    public void Normalize_UpperCaseLetterWithMarkComposableOnlyInLowerCase_SameKeyAsThePrecomposedLowerCase(string upper, string lower)
    {
        Assert.Equal(EmailAddress.Normalize(lower), EmailAddress.Normalize(upper));
        Assert.Equal(EmailAddress.Normalize(upper), EmailAddress.Normalize(EmailAddress.Normalize(upper)));
    }

    // Found by the email and password fuzz targets: string.Normalize throws ArgumentException on U+FFFE, which JSON
    // ("\ufffe") and UTF-8 (EF BF BE) both deliver; register and login answered 500.
    [Theory]
    [InlineData("a\ufffe@example.com")]
    [InlineData("\ufffe")]
    [InlineData("  x\ufffe\u0301@example.com ")]
    public void Normalize_NoncharacterUfffe_DoesNotThrowAndNeverValid(string email)
    {
        Assert.Equal(email.Trim().ToLowerInvariant(), EmailAddress.Normalize(email));
        Assert.Equal(email.Trim(), EmailAddress.Canonical(email));
        Assert.False(EmailAddress.IsValid(email));
        Assert.False(TextRules.IsWellFormed(email));
    }
}
