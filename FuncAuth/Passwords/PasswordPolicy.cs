using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// NIST SP 800-63B-4 rules for new passwords (single-factor): NFKC-normalized, length counted in Unicode code points,
/// between <c>Auth__Passwords__MinLength</c> and <c>Auth__Passwords__MaxLength</c>, not on the blocklist, and no
/// composition rules. Logins skip these checks but normalize the same way (<see cref="PasswordService"/> does it).
/// </summary>
public sealed class PasswordPolicy
{
    /// <summary>
    /// Longest raw input (UTF-16 units) normalized at all: four per code point of the largest MaxLength, beyond any
    /// real password, so hostile input is refused before any work. The login endpoint may use the same bound.
    /// </summary>
    public const int MaxInputLength = 4 * PasswordOptions.LargestMaxLength;

    // string.Normalize throws on it (as on lone surrogates); nobody types this noncharacter.
    private const char NormalizationRefuses = '\uFFFE';

    private readonly PasswordBlocklist _blocklist;

    /// <summary>Limits from <see cref="PasswordOptions"/>.</summary>
    public PasswordPolicy(IOptions<PasswordOptions> options, PasswordBlocklist blocklist)
    {
        MinLength = options.Value.MinLength;
        MaxLength = options.Value.MaxLength;
        _blocklist = blocklist;
    }

    /// <summary>Shortest password, in code points.</summary>
    public int MinLength { get; }

    /// <summary>Longest password, in code points.</summary>
    public int MaxLength { get; }

    /// <summary>Checks a password for registration (or a password change). Never throws for any string.</summary>
    public PasswordCheck Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaxInputLength)
        {
            return Result(PasswordProblem.TooLong);
        }

        if (!TryNormalize(password, out var normalized) || ContainsControl(normalized))
        {
            return Result(PasswordProblem.InvalidCharacters);
        }

        var codePoints = CountCodePoints(normalized);
        if (codePoints < MinLength)
        {
            return Result(PasswordProblem.TooShort);
        }

        if (codePoints > MaxLength)
        {
            return Result(PasswordProblem.TooLong);
        }

        // One character repeated ("aaaaaaaaaaaaaaa", fifteen spaces) is the first thing tried against a length rule.
        return Result(_blocklist.Contains(normalized) || IsOneRepeatedCodePoint(normalized) ? PasswordProblem.Common : PasswordProblem.None);
    }

    /// <summary>
    /// NFKC, as registration and login both apply before hashing, so the same password typed as composed or
    /// decomposed characters (or full-width forms) gives the same hash. False for invalid UTF-16 (lone surrogates) and
    /// for the noncharacter U+FFFE, which normalization would otherwise throw on.
    /// </summary>
    public static bool TryNormalize(string password, [NotNullWhen(true)] out string? normalized)
    {
        ArgumentNullException.ThrowIfNull(password);
        normalized = null;
        if (password.Contains(NormalizationRefuses)
            || (password.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && !IsValidUtf16(password)))
        {
            return false;
        }

        // Stryker disable once Conditional : Normalize returns equal text for input already in NFKC; the check only skips the copy
        normalized = password.IsNormalized(NormalizationForm.FormKC) ? password : password.Normalize(NormalizationForm.FormKC);
        return true;
    }

    private PasswordCheck Result(PasswordProblem problem) => new(problem, MinLength, MaxLength);

    private static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }

    // Controls (Cc) are not characters anyone types; RFC 8265's OpaqueString class refuses them too.
    private static bool ContainsControl(string normalized)
    {
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneRepeatedCodePoint(string normalized)
    {
        // Stryker disable once Linq : the text is never empty here: MinLength is at least 8 (validated at startup), so shorter input returned TooShort
        var first = normalized.EnumerateRunes().FirstOrDefault();
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune != first)
            {
                return false;
            }
        }

        return true;
    }

    private static int CountCodePoints(string normalized)
    {
        var count = 0;
        foreach (var _ in normalized.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
