using System.Text;
using FuncAuth.Users;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>email</c>: the input is an email as a client sends it (register or login). <see cref="EmailAddress"/> and
/// <see cref="TextRules"/> must not throw; <c>Normalize</c> is idempotent and agrees with the key registration stores
/// (<c>Normalize(Canonical(e))</c>); a valid address is well-formed text
/// without invisible characters or spaces, with one '@', and so is its normalized key.
/// </summary>
public static class EmailTarget
{
    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var email = FuzzText.Decode(input);
        var key = EmailAddress.Normalize(email);
        FuzzInvariantException.Holds(EmailAddress.Normalize(key) == key, "Normalize is idempotent");
        FuzzInvariantException.Holds(EmailAddress.Normalize(EmailAddress.Canonical(email)) == key, "login finds the key registration stored");
        _ = EmailAddress.LocalPart(email);

        var trimmed = email.Trim();
        var visibleText = TextRules.IsWellFormed(trimmed) && !TextRules.HasInvisibleCharacters(trimmed);
        _ = TextRules.ToNfc(email);
        if (!EmailAddress.IsValid(email))
        {
            return;
        }

        FuzzInvariantException.Holds(visibleText, "a valid email is well-formed text without invisible characters");
        FuzzInvariantException.Holds(trimmed.Length <= EmailAddress.MaxLength && !trimmed.Any(char.IsWhiteSpace), "a valid email is short and has no spaces");
        FuzzInvariantException.Holds(trimmed.Count(c => c == '@') == 1 && EmailAddress.LocalPart(email).Length > 0, "a valid email has one '@' after a local part");
        FuzzInvariantException.Holds(
            TextRules.IsWellFormed(key) && !TextRules.HasInvisibleCharacters(key) && key.IsNormalized(NormalizationForm.FormC),
            "the key of a valid email is NFC text without invisible characters");
    }
}
