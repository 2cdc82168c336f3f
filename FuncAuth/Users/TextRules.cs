using System.Globalization;
using System.Text;

namespace FuncAuth.Users;

/// <summary>
/// Unicode rules for identifiers people read: emails and display names. Strings that look the same must be the same
/// (NFC), and characters nobody can see — controls, format characters such as zero-width spaces and bidi overrides —
/// are refused rather than stored, so two accounts cannot look alike and a name cannot reorder the text around it.
/// </summary>
public static class TextRules
{
    // string.Normalize throws ArgumentException on this noncharacter, as on lone surrogates.
    private const char NormalizationRefuses = '\uFFFE';

    /// <summary>
    /// False for strings with lone surrogates (a JSON <c>\ud800</c> escape produces one) or the noncharacter U+FFFE: not
    /// text, and .NET's normalization throws on both.
    /// </summary>
    public static bool IsWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]) || value[i] == NormalizationRefuses)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when well-formed <paramref name="value"/> holds a control (Cc) or format (Cf: zero-width, bidi controls) character.</summary>
    public static bool HasInvisibleCharacters(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The NFC form of well-formed text; other input is returned unchanged (it fails validation elsewhere).</summary>
    public static string ToNfc(string value)
    {
        // Stryker disable once Statement : IsWellFormed, called next, throws the same ArgumentNullException
        ArgumentNullException.ThrowIfNull(value);
        return IsWellFormed(value) ? value.Normalize(NormalizationForm.FormC) : value;
    }
}
