using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// Hashes stored before Argon2id: ASP.NET Core Identity V3 (base64 of 0x01 ‖ PRF ‖ iterations ‖ salt length ‖ salt ‖
/// subkey, big-endian, PBKDF2). They keep verifying, always against the raw password (they were made without
/// normalization), so the login can replace them. The header is checked here first: Identity would run any
/// iteration count a stored value names, and a hostile one could name two billion.
/// </summary>
internal static class LegacyIdentityHash
{
    /// <summary>FuncAuth stored 220,000; anything far above that is not one of ours.</summary>
    public const int MaxIterations = 1_000_000;

    private const int HeaderBytes = 13;
    private const int MinSaltBytes = 16;
    private const int MinSubkeyBytes = 16;
    private const int MaxEncodedLength = 256;

    // Verification reads the PRF, iterations and salt from the hash itself; these options only matter for new hashes.
    // Stryker disable once Initializer : IdentityV3 is PasswordHasherOptions' default, and verifying a V3 hash reads every parameter from the hash
    private static readonly PasswordHasher<object> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
    }));

    /// <summary>True when <paramref name="stored"/> is a well-formed V3 hash within the caps.</summary>
    public static bool IsWellFormed(string stored)
    {
        if (stored.Length is 0 or > MaxEncodedLength)
        {
            return false;
        }

        // Stryker disable once Arithmetic : a larger buffer changes nothing: values over 256 characters are refused above, so at most 192 bytes decode
        Span<byte> bytes = stackalloc byte[MaxEncodedLength / 4 * 3];
        if (!Convert.TryFromBase64String(stored, bytes, out var length) || length < HeaderBytes || bytes[0] != 0x01)
        {
            return false;
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes[9..]);

        // PRF: 0 = HMAC-SHA1, 1 = HMAC-SHA256, 2 = HMAC-SHA512 (KeyDerivationPrf).
        return prf <= 2
            && iterations is >= 1 and <= MaxIterations
            && saltLength >= MinSaltBytes
            && HeaderBytes + saltLength + MinSubkeyBytes <= (uint)length;
    }

    /// <summary>PBKDF2 with the stored parameters; call only after <see cref="IsWellFormed"/>.</summary>
    public static bool Verify(string stored, string rawPassword) =>
        Hasher.VerifyHashedPassword(new object(), stored, rawPassword) != PasswordVerificationResult.Failed;
}
