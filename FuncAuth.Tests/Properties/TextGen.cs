using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FuncAuth.Tests.Properties;

/// <summary>
/// Generators of hostile text: mostly ASCII, salted with what breaks Unicode handling — combining marks next to
/// letters whose case changes composition, format (Cf) and control (Cc) characters, exotic whitespace, lone
/// surrogates, noncharacters (U+FFFE), astral characters, full-width and compatibility forms, and separators.
/// </summary>
internal static class TextGen
{
    /// <summary>Every format (Cf) code point, astral ones included.</summary>
    public static readonly string[] FormatCharacters = CodePointsIn(UnicodeCategory.Format);

    /// <summary>Every control (Cc) code point.</summary>
    public static readonly string[] ControlCharacters = CodePointsIn(UnicodeCategory.Control);

    /// <summary>Letters whose upper and lower case compose differently with a following mark, and other case oddities.</summary>
    public static readonly string[] TrickyLetters =
    [
        "T", "t", "J", "j", "H", "h", "W", "w", "Y", "y", "I", "i", "K", "k", "S", "s",
        "\u0130", "\u0131", "\u00df", "\u1e9e", "\u017f", "\u212a", "\u212b", "\u2126", "\u1e97", "\u01f0",
        "\u0391", "\u03b1", "\u0386", "\u03ac", "\u0397", "\u03b7", "\u03a9", "\u03c9", "\u03a1", "\u03c1", "\u03a5", "\u03c5",
        "\u00c9", "\u00e9", "\u0416", "\u0436", "\uac00", "\u1100", "\u1161", "\u11a8",
    ];

    /// <summary>Combining marks, including the ones that make the pairs above composable.</summary>
    public static readonly Gen<string> CombiningMark = Gen.OneOf(
        Gen.Choose(0x300, 0x36F).Select(c => ((char)c).ToString()),
        Gen.Elements("\u0345", "\u0331", "\u030c", "\u0308", "\u030a", "\u0342", "\u0313", "\u0301", "\u0307", "\u093c", "\u20d7"));

    /// <summary>One text element of hostile text (a char, a surrogate pair, or a short sequence).</summary>
    public static readonly Gen<string> Piece = Gen.Frequency(
        (40, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (8, Gen.Elements(TrickyLetters)),
        (8, CombiningMark),
        (3, Gen.Elements(FormatCharacters)),
        (3, Gen.Elements(ControlCharacters)),
        (3, Gen.Elements(" ", "\t", "\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "\u180e")),
        (2, Gen.Choose(0xD800, 0xDFFF).Select(c => ((char)c).ToString())),
        (2, Gen.Elements("\ufffe", "\uffff", "\ufdd0", "\U0010FFFF")),
        (3, Gen.Elements("\U0001F600", "\U0001D400", "\uff21", "\ufb03", "\u2460", "\u00bd", "\u3131")),
        (6, Gen.Elements("@", ".", ";", "=", ",", "\"", "\\", "$", "/", "+", "-", "_")),
        (4, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())));

    /// <summary>Hostile text of up to about a hundred pieces.</summary>
    public static readonly Gen<string> Text = Gen.ListOf(Piece).Select(string.Concat);

    /// <summary>Hostile text, sometimes thousands of characters long.</summary>
    public static readonly Gen<string> TextSometimesLong = Gen.Frequency(
        (9, Text),
        (1, from piece in Piece from count in Gen.Choose(1000, 5000) select string.Concat(Enumerable.Repeat(piece, count))));

    /// <summary>Text without anything the password and email rules refuse outright (controls, Cf, surrogates, U+FFFE).</summary>
    public static readonly Gen<string> PrintableText = Gen.ListOf(Gen.Frequency(
            (30, Gen.Choose(0x21, 0x7E).Select(c => ((char)c).ToString())),
            (8, Gen.Elements(TrickyLetters)),
            (6, CombiningMark),
            (3, Gen.Elements("\U0001F600", "\U0001D400", "\uff21", "\ufb03", "\u2460", "\u00bd", "\u3131", " ", "\u00a0"))))
        .Select(string.Concat);

    /// <summary>Letters (Latin, Greek, Cyrillic, Hangul, Vietnamese precomposed) with marks, in no particular normalization form.</summary>
    public static readonly Gen<string> Letters = Gen.NonEmptyListOf(Gen.Frequency(
            (10, Gen.Elements(TrickyLetters)),
            (10, Gen.OneOf(
                Gen.Choose(0x41, 0x5A), Gen.Choose(0x61, 0x7A), Gen.Choose(0xC0, 0xFF).Where(c => c is not (0xD7 or 0xF7)),
                Gen.Choose(0x100, 0x17F), Gen.Choose(0x386, 0x3CE).Where(c => char.IsLetter((char)c)),
                Gen.Choose(0x410, 0x44F), Gen.Choose(0x1EA0, 0x1EF9), Gen.Choose(0xAC00, 0xD7A3))
                .Select(c => ((char)c).ToString())),
            (6, CombiningMark)))
        .Select(string.Concat);

    private static string[] CodePointsIn(UnicodeCategory category) =>
        Enumerable.Range(0, 0x110000)
            .Where(c => c is < 0xD800 or > 0xDFFF && Rune.GetUnicodeCategory(new Rune(c)) == category)
            .Select(char.ConvertFromUtf32)
            .ToArray();
}
