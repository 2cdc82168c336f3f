using System.Security.Cryptography;

namespace FuncAuth.Tokens;

/// <summary>
/// Reads a P-256 private key from configuration (PEM, or base64 of PKCS#8 DER). The one decoder both startup validation
/// and the key ring use, so a key that passes validation is exactly a key the ring can load.
/// </summary>
public static class EcdsaKeyDecoder
{
    /// <summary>The curve ES256 is defined on (RFC 7518 §3.4).</summary>
    public static readonly Oid P256 = new("1.2.840.10045.3.1.7");

    /// <summary>The key, or null when <paramref name="text"/> is not a P-256 private key. Never throws for bad text.</summary>
    public static ECDsa? TryDecode(string? text)
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
