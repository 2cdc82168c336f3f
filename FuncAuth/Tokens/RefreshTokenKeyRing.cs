using System.Security.Cryptography;
using System.Text;

namespace FuncAuth.Tokens;

/// <summary>
/// The MAC keys of refresh tokens, derived with HMAC-SHA256 from each signing key under a fixed label, so a refresh
/// key is never the signing key itself and rotating the signing keys rotates these with them: the newest mints, all
/// verify (<see cref="SigningKeyRing"/>'s order).
/// </summary>
public sealed class RefreshTokenKeyRing
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("FuncAuth refresh-token MAC key v1");

    /// <summary>Derives one key per signing key secret; the last one mints.</summary>
    public RefreshTokenKeyRing(IReadOnlyList<byte[]> signingSecrets)
    {
        ArgumentNullException.ThrowIfNull(signingSecrets);
        if (signingSecrets.Count == 0)
        {
            throw new ArgumentException("At least one signing secret is required.", nameof(signingSecrets));
        }

        Keys = signingSecrets.Select(secret => HMACSHA256.HashData(secret, Label)).ToArray();
    }

    /// <summary>Every derived key, oldest first.</summary>
    public IReadOnlyList<byte[]> Keys { get; }

    /// <summary>The key new tokens are authenticated with.</summary>
    public byte[] CurrentKey => Keys[^1];
}
