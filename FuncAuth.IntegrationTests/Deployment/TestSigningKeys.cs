using System.Security.Cryptography;
using FuncAuth.Auth;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>Keys for the hook and rotation tests, made with .NET (as the Windows hook makes them), and the check that a key is what the app imports.</summary>
public static class TestSigningKeys
{
    /// <summary>A valid HS256 key: base64 of 32 bytes.</summary>
    public static readonly string Hmac = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>The OID of NIST P-256 (secp256r1), the curve of ES256.</summary>
    public const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>A new P-256 private key as base64 of PKCS#8 DER: what FUNCAUTH_SIGNING_KEY holds in ES256 mode.</summary>
    public static string NewEcdsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }

    /// <summary>A new P-256 key in SEC1 DER (BEGIN EC PRIVATE KEY), which OpenSSL 3's `genpkey -outform DER` writes and the app refuses.</summary>
    public static string NewSec1Ecdsa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportECPrivateKey());
    }

    /// <summary>A new P-384 private key as base64 of PKCS#8 DER: the right format on the wrong curve.</summary>
    public static string NewP384()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }

    /// <summary>Asserts that <paramref name="base64"/> is a P-256 PKCS#8 private key, whole, that .NET and the app's own decoder import.</summary>
    public static void AssertP256Pkcs8(string base64)
    {
        var der = Convert.FromBase64String(base64);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(der, out var read);
        Assert.Equal(der.Length, read);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        Assert.Equal(P256Oid, parameters.Curve.Oid.Value);
        Assert.Equal(32, parameters.D!.Length);
        using var app = SigningKeyDecoder.TryDecodeEcdsa(base64);
        Assert.NotNull(app);
    }
}
