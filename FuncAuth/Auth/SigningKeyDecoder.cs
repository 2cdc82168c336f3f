using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace FuncAuth.Auth;

/// <summary>
/// Reads signing keys from configuration: HMAC secrets (base64) and P-256 private keys (PEM, or base64 of PKCS#8 DER).
/// The one decoder both startup validation and the key ring use, so a key that passes validation is exactly a key the
/// ring can load. Never throws for bad text and never puts the text in an exception.
/// </summary>
public static class SigningKeyDecoder
{
    /// <summary>HMAC-SHA256 keys shorter than the hash output weaken it; 32 bytes = 256 bits.</summary>
    public const int MinHmacKeyBytes = 32;

    /// <summary>The curve ES256 is defined on (RFC 7518 §3.4).</summary>
    public static readonly Oid P256 = new("1.2.840.10045.3.1.7");

    /// <summary>The bytes of a base64 HMAC key of at least <see cref="MinHmacKeyBytes"/> bytes.</summary>
    public static bool TryDecodeHmac(string? base64, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written < MinHmacKeyBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    /// <summary>The key, or null when <paramref name="text"/> is not a P-256 private key.</summary>
    public static ECDsa? TryDecodeEcdsa(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(text.Trim()), out _);
            }

            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid?.Value != P256.Value ||
                // Stryker disable once Equality : an imported private key always has a non-empty D (a public-only key throws on the export above)
                parameters.D is not { Length: > 0 })
            {
                // Stryker disable once Statement : disposal frees native memory early; nothing a caller can observe
                key.Dispose();
                return null;
            }

            return key;
        }
        // Stryker disable once Block : an emptied catch block still ends in null (the default return); only the disposal is lost
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            // Stryker disable once Statement : disposal frees native memory early; nothing a caller can observe
            key.Dispose();
            return null;
        }
    }
}
