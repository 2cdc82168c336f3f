using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace FuncAuth.Tokens;

/// <summary>
/// Refresh token wire format: base64url (no padding) of 64 bytes = 16-byte user id ‖ 16-byte session id ‖ 32 random
/// bytes. The ids make refresh one point read; the 256 random bits are the secret. Storage keeps only the hash.
/// </summary>
public static class RefreshTokenCodec
{
    /// <summary>Decoded token length.</summary>
    public const int TokenByteLength = 64;

    /// <summary>Random bytes in a token (256 bits).</summary>
    public const int SecretByteLength = 32;

    private const int IdByteLength = 16;

    // 64 bytes encode to exactly 86 base64url characters without padding.
    private static readonly int EncodedLength = Base64Url.GetEncodedLength(TokenByteLength);

    /// <summary>Mints a token for a session. Both ids must be 32 hex characters.</summary>
    public static NewRefreshToken Create(string userId, string sessionId)
    {
        var bytes = new byte[TokenByteLength];
        WriteId(userId, bytes.AsSpan(0, IdByteLength), nameof(userId));
        WriteId(sessionId, bytes.AsSpan(IdByteLength, IdByteLength), nameof(sessionId));
        RandomNumberGenerator.Fill(bytes.AsSpan(2 * IdByteLength));
        return new NewRefreshToken(Base64Url.EncodeToString(bytes), HashBytes(bytes));
    }

    /// <summary>
    /// Parses a presented token. False for anything that is not the canonical encoding of exactly 64 bytes;
    /// never throws for bad input.
    /// </summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out ParsedRefreshToken? parsed)
    {
        parsed = null;

        // Length first: refuses oversized input before any decoding work.
        if (token is null || token.Length != EncodedLength || !Base64Url.IsValid(token, out var decodedLength)
            || decodedLength != TokenByteLength)
        {
            return false;
        }

        var bytes = new byte[TokenByteLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenByteLength)
        {
            return false;
        }

        // Only the canonical spelling is accepted, so one token has one string form (no padding bits tricks).
        if (!string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal))
        {
            return false;
        }

        parsed = new ParsedRefreshToken(
            Convert.ToHexStringLower(bytes.AsSpan(0, IdByteLength)),
            Convert.ToHexStringLower(bytes.AsSpan(IdByteLength, IdByteLength)),
            HashBytes(bytes));
        return true;
    }

    /// <summary>Constant-time equality of two stored/presented hashes (no early exit on the first differing byte).</summary>
    public static bool HashesEqual(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
    }

    private static string HashBytes(ReadOnlySpan<byte> tokenBytes) => Base64Url.EncodeToString(SHA256.HashData(tokenBytes));

    private static void WriteId(string id, Span<byte> destination, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        if (id.Length != 2 * IdByteLength
            || Convert.FromHexString(id, destination, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != IdByteLength)
        {
            throw new ArgumentException("Ids are 32 hex characters.", parameterName);
        }
    }
}
