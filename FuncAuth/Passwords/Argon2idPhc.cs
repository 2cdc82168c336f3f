using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FuncAuth.Passwords;

/// <summary>
/// An Argon2id hash in the PHC string format, <c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c> (salt and hash in
/// standard base64 without padding), so every stored hash carries the parameters it was made with.
/// Parsing is strict and bounded: a stored value is data an attacker may have written, so anything this service
/// would not produce, or whose cost exceeds the caps, is refused rather than computed.
/// </summary>
internal sealed record Argon2idPhc(int MemoryKiB, int Iterations, byte[] Salt, byte[] Tag)
{
    /// <summary>libsodium's floor (8 KiB per lane); only tests go this low, the settings floor is OWASP's.</summary>
    public const int MinMemoryKiB = 8;

    /// <summary>256 MiB: with K hashes at once, a stored value can never make one instance allocate more than K × this.</summary>
    public const int MaxMemoryKiB = 262_144;

    /// <summary>Passes above this would let a stored value cost seconds of CPU.</summary>
    public const int MaxIterations = 10;

    /// <summary>libsodium's Argon2id takes exactly 16-byte salts.</summary>
    public const int SaltBytes = 16;

    /// <summary>Tag length of new hashes.</summary>
    public const int TagBytes = 32;

    private const int MinTagBytes = 16;
    private const int MaxTagBytes = 64;
    private const string Prefix = "$argon2id$v=19$";

    // Prefix + "m=262144,t=10,p=1" + 2 separators + base64 of 16 + 64 bytes: anything longer is not ours.
    private const int MaxLength = 160;

    /// <summary>The PHC string.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}m={MemoryKiB},t={Iterations},p=1${Base64NoPadding(Salt)}${Base64NoPadding(Tag)}");

    /// <summary>True when <paramref name="value"/> looks like an Argon2id PHC string (it may still fail to parse).</summary>
    public static bool HasPrefix(string value) => value.StartsWith("$argon2id$", StringComparison.Ordinal);

    /// <summary>Parses a PHC string made by this service (or any Argon2id v1.3 implementation, p = 1, within the caps).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out Argon2idPhc? hash)
    {
        hash = null;
        if (value is null || value.Length > MaxLength || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = value[Prefix.Length..].Split('$');
        if (fields.Length != 3)
        {
            return false;
        }

        var parameters = fields[0].Split(',');
        if (parameters.Length != 3
            || !TryReadParameter(parameters[0], "m=", MinMemoryKiB, MaxMemoryKiB, out var memoryKiB)
            || !TryReadParameter(parameters[1], "t=", 1, MaxIterations, out var iterations)
            || !TryReadParameter(parameters[2], "p=", 1, 1, out _)
            || !TryDecode(fields[1], out var salt) || salt.Length != SaltBytes
            || !TryDecode(fields[2], out var tag) || tag.Length is < MinTagBytes or > MaxTagBytes)
        {
            return false;
        }

        hash = new Argon2idPhc(memoryKiB, iterations, salt, tag);
        return true;
    }

    private static bool TryReadParameter(string field, string name, int min, int max, out int value)
    {
        value = 0;
        return field.StartsWith(name, StringComparison.Ordinal)
            && int.TryParse(field.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    private static bool TryDecode(string field, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;

        // PHC's B64 alphabet without '=': Convert would also skip whitespace and padding, which the format forbids.
        // Stryker disable once Arithmetic : the 4n + 1 test only refuses early: such a field pads to invalid base64, which Convert refuses below
        if (field.Length == 0 || field.Length % 4 == 1 || !field.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
        {
            return false;
        }

        var padded = field.PadRight(field.Length + ((4 - (field.Length % 4)) % 4), '=');
        // Stryker disable once Arithmetic : a larger buffer changes nothing; only the written bytes are kept
        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            // Stryker disable once Boolean : unreachable: after the alphabet and length checks above, the padded field always decodes
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private static string Base64NoPadding(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
