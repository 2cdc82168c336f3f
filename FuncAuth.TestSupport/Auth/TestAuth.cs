using System.Security.Cryptography;
using FuncAuth.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.TestSupport.Auth;

/// <summary>Valid options, a fixed clock and the token services built from them for unit tests; each call returns fresh instances.</summary>
internal static class TestAuth
{
    /// <summary>A whole-second instant so JWT second truncation does not blur boundaries.</summary>
    public static readonly DateTimeOffset Start = new(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static string NewKey(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    public static AuthOptions Options(Action<AuthOptions>? configure = null)
    {
        var options = new AuthOptions { SigningKey = NewKey() };
        configure?.Invoke(options);
        return options;
    }

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>A fresh P-256 private key as PKCS#8 PEM.</summary>
    public static string NewEcdsaPem(ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>ES256 options with one fresh key per id (the last signs) and a public origin for the JWKS URL.</summary>
    public static AuthOptions Es256Options(params string[] ids) => Options(o =>
    {
        o.SigningAlgorithm = SigningAlgorithm.ES256;
        o.EcdsaKeys = (ids.Length == 0 ? ["es1"] : ids).Select(id => new EcdsaKeyOptions { Id = id, PrivateKey = NewEcdsaPem() }).ToList();
        o.PublicOrigins = ["https://auth.example.test"];
    });

    public static AccessTokenService AccessTokens(AuthOptions options, TimeProvider clock) =>
        new(MsOptions.Create(options), new SigningKeyRing(options), clock);

    public static RefreshTokenCodec RefreshTokens(AuthOptions options) =>
        new(new RefreshTokenKeyRing(new SigningKeyRing(options).Secrets));
}
