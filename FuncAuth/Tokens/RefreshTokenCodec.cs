using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace FuncAuth.Tokens;

/// <summary>
/// Refresh token wire format: base64url (no padding) of 69 bytes = version (1) ‖ user id (16) ‖ session id (16) ‖
/// generation (4, big-endian) ‖ HMAC-SHA256 of the first 37 bytes under a <see cref="RefreshTokenKeyRing"/> key (32).
/// The ids make a refresh one point read; the generation lets the session recognise any token it ever issued, however
/// many rotations ago, without keeping a list; the MAC makes tokens unforgeable and lets a made-up token be refused
/// before any storage call. A token is a pure function of (key, user, session, generation): the successor of a token
/// is the same whoever asks for it, so nothing secret is stored.
/// </summary>
public sealed class RefreshTokenCodec(RefreshTokenKeyRing keys)
{
    /// <summary>The only format version this codec reads and writes.</summary>
    public const byte Version = 1;

    /// <summary>Decoded token length.</summary>
    public const int TokenByteLength = SignedLength + MacLength;

    /// <summary>Characters in a token (base64url without padding of <see cref="TokenByteLength"/> bytes).</summary>
    public static readonly int EncodedLength = Base64Url.GetEncodedLength(TokenByteLength);

    private const int IdByteLength = 16;
    private const int GenerationOffset = 1 + (2 * IdByteLength);
    private const int SignedLength = GenerationOffset + sizeof(int);
    private const int MacLength = HMACSHA256.HashSizeInBytes;

    /// <summary>The token of <paramref name="generation"/> of a session. Both ids must be 32 hex characters.</summary>
    public string Issue(string userId, string sessionId, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        Span<byte> bytes = stackalloc byte[TokenByteLength];
        bytes[0] = Version;
        WriteId(userId, bytes.Slice(1, IdByteLength), nameof(userId));
        WriteId(sessionId, bytes.Slice(1 + IdByteLength, IdByteLength), nameof(sessionId));
        BinaryPrimitives.WriteInt32BigEndian(bytes.Slice(GenerationOffset, sizeof(int)), generation);
        HMACSHA256.HashData(keys.CurrentKey, bytes[..SignedLength], bytes[SignedLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Reads a presented token; <paramref name="parsed"/> is set only for <see cref="RefreshTokenParseResult.Genuine"/>.
    /// Never throws for client input; refuses oversized input before decoding.
    /// </summary>
    public RefreshTokenParseResult TryParse(string? token, [NotNullWhen(true)] out ParsedRefreshToken? parsed)
    {
        parsed = null;
        // Length first (refuses oversized input before any work), then validity: TryDecodeFromChars throws on characters
        // outside the alphabet instead of returning false.
        if (token is null || token.Length != EncodedLength
            || !Base64Url.IsValid(token, out var decodedLength) || decodedLength != TokenByteLength)
        {
            return RefreshTokenParseResult.Malformed;
        }

        Span<byte> bytes = stackalloc byte[TokenByteLength];
        // Stryker disable once Logical : IsValid above guarantees the decode succeeds with exactly TokenByteLength bytes, so either operator gives the same answer
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenByteLength
            || bytes[0] != Version || !IsCanonical(bytes, token))
        {
            return RefreshTokenParseResult.Malformed;
        }

        var generation = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(GenerationOffset, sizeof(int)));
        if (generation < 0 || !MacVerifies(bytes))
        {
            return generation < 0 ? RefreshTokenParseResult.Malformed : RefreshTokenParseResult.Forged;
        }

        parsed = new ParsedRefreshToken(
            Convert.ToHexStringLower(bytes.Slice(1, IdByteLength)),
            Convert.ToHexStringLower(bytes.Slice(1 + IdByteLength, IdByteLength)),
            generation);
        return RefreshTokenParseResult.Genuine;
    }

    // Every key is tried and every comparison is constant-time; which key matched is not secret, but the loop does
    // not stop early anyway so the time of a refusal says nothing about the key ring.
    private bool MacVerifies(ReadOnlySpan<byte> bytes)
    {
        Span<byte> expected = stackalloc byte[MacLength];
        var match = false;
        foreach (var key in keys.Keys)
        {
            HMACSHA256.HashData(key, bytes[..SignedLength], expected);
            match |= CryptographicOperations.FixedTimeEquals(expected, bytes[SignedLength..]);
        }

        return match;
    }

    // One token has one string form: other spellings of the same bytes (unused low bits in the last character) are refused.
    private static bool IsCanonical(ReadOnlySpan<byte> bytes, string token)
    {
        Span<char> canonical = stackalloc char[EncodedLength];
        // Stryker disable once Logical : encoding 69 bytes into EncodedLength chars always succeeds with EncodedLength written; only SequenceEqual decides
        return Base64Url.TryEncodeToChars(bytes, canonical, out var written)
            && written == EncodedLength
            && canonical.SequenceEqual(token);
    }

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
