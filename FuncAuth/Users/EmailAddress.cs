namespace FuncAuth.Users;

/// <summary>Email normalization (the lookup key) and a deliberately simple validity check.</summary>
public static class EmailAddress
{
    /// <summary>RFC 5321 limits a forward path to 256 octets including the angle brackets.</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// The lookup key: trimmed, NFC (so <c>josé</c> typed as one code point or as <c>e</c> + combining accent is one
    /// account), lower-cased with the invariant culture so every instance derives the same key, and NFC again: lower-casing
    /// can make a pair composable (<c>T</c> + U+0308 has no precomposed form, <c>t</c> + U+0308 is <c>ẗ</c>), and without
    /// it <c>T̈om</c> and <c>ẗom</c> would be two keys and a key would not normalize to itself. Never throws for client
    /// input: ill-formed text is only lower-cased (and can never have been registered).
    /// </summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return TextRules.ToNfc(TextRules.ToNfc(email.Trim()).ToLowerInvariant());
    }

    /// <summary>The form stored for display: trimmed and NFC, case kept.</summary>
    public static string Canonical(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return TextRules.ToNfc(email.Trim());
    }

    /// <summary>
    /// True for <c>local@domain.tld</c> shapes: exactly one '@', non-empty local part, a domain with a dot that
    /// neither starts nor ends with it, no whitespace, control, format (zero-width, bidi) characters or lone surrogates,
    /// at most <see cref="MaxLength"/> characters. Checks the trimmed value; deliverability is not our concern.
    /// </summary>
    public static bool IsValid(string? email)
    {
        if (email is null)
        {
            return false;
        }

        var value = email.Trim();
        if (value.Length is 0 or > MaxLength || !TextRules.IsWellFormed(value) || TextRules.HasInvisibleCharacters(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        var dot = domain.IndexOf('.');
        return dot > 0 && domain[^1] != '.' && !domain.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>The part before the '@' of a valid address (the default display name).</summary>
    public static string LocalPart(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var value = email.Trim();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? value[..at] : value;
    }
}
