using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using FuncAuth.Auth;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FuncAuth.Tests.Tokens;

public sealed class Es256AccessTokenTests
{
    private static readonly AuthenticatedUser Alice = new("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");
    private readonly TimeProvider _clock = TestAuth.Clock();

    private AccessTokenService Service(AuthOptions options) => TestAuth.AccessTokens(options, _clock);

    private static JsonElement Header(string token) => JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[0])).RootElement;

    private static string Sign(AuthOptions options, SecurityKey key, string algorithm) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = TestAuth.Start.UtcDateTime,
            NotBefore = TestAuth.Start.UtcDateTime,
            Expires = TestAuth.Start.AddMinutes(15).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = Alice.UserId, ["sid"] = Alice.SessionId },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    [Fact]
    public void Issue_Es256Mode_SignsWithTheNewestKeyAndValidates()
    {
        var options = TestAuth.Es256Options("old", "new");
        var service = Service(options);

        var token = service.Issue(Alice).Token;

        Assert.Equal(("ES256", "new"), (Header(token).GetProperty("alg").GetString(), Header(token).GetProperty("kid").GetString()));
        Assert.Equal(Alice, service.Validate(token));
    }

    [Fact]
    public void Validate_TokenOfThePreviousKey_ValidUntilThatKeyIsRemoved()
    {
        var before = TestAuth.Es256Options("k1");
        var issuedBefore = Service(before).Issue(Alice).Token;
        var rotated = TestAuth.Es256Options("k1", "k2");
        rotated.EcdsaKeys[0] = before.EcdsaKeys[0];
        var retired = TestAuth.Es256Options("k2");
        retired.EcdsaKeys[0] = rotated.EcdsaKeys[1];

        Assert.Equal(Alice, Service(rotated).Validate(issuedBefore));
        Assert.Null(Service(retired).Validate(issuedBefore));
        Assert.Equal(Alice, Service(retired).Validate(Service(rotated).Issue(Alice).Token));
    }

    [Fact]
    public void Validate_UnknownKid_Null()
    {
        var options = TestAuth.Es256Options("k1");
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Null(Service(options).Validate(Sign(options, new ECDsaSecurityKey(stranger) { KeyId = "k9" }, SecurityAlgorithms.EcdsaSha256)));
    }

    [Fact]
    public void Validate_KnownKidButAnotherKeysSignature_Null()
    {
        var options = TestAuth.Es256Options("k1");
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Null(Service(options).Validate(Sign(options, new ECDsaSecurityKey(stranger) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha256)));
    }

    [Fact]
    public void Validate_Hs256TokenInEs256Mode_Null()
    {
        var options = TestAuth.Es256Options("k1");
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "k1" };

        Assert.Null(Service(options).Validate(Sign(options, hmac, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public void Validate_Es256TokenInHs256Mode_Null()
    {
        var es256 = TestAuth.Es256Options(SigningKeyRing.DefaultKeyId);
        var hs256 = TestAuth.Options(o => o.Issuer = es256.Issuer);

        Assert.Null(Service(hs256).Validate(Service(es256).Issue(Alice).Token));
    }

    [Fact]
    public void Validate_Es256TokenSignedWithThePublicKeyAsHmacSecret_Null()
    {
        // The classic algorithm-confusion attack: HS256 keyed with the published public key.
        var options = TestAuth.Es256Options("k1");
        var publicKey = new SigningKeyRing(options).PublicKeys[0].ECDsa.ExportSubjectPublicKeyInfo();

        Assert.Null(Service(options).Validate(Sign(options, new SymmetricSecurityKey(publicKey) { KeyId = "k1" }, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public void RefreshTokens_Es256Mode_DerivedFromThePrivateKeysAndStableAcrossRestarts()
    {
        var options = TestAuth.Es256Options("k1");
        var token = TestAuth.RefreshTokens(options).Issue(Alice.UserId, Alice.SessionId, 3);

        Assert.Equal(RefreshTokenParseResult.Genuine, TestAuth.RefreshTokens(options).TryParse(token, out _));
        Assert.Equal(RefreshTokenParseResult.Forged, TestAuth.RefreshTokens(TestAuth.Es256Options("k1")).TryParse(token, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    public void SigningKeyDecoder_NotAKey_Null(string text) => Assert.Null(SigningKeyDecoder.TryDecodeEcdsa(text));

    [Fact]
    public void SigningKeyDecoder_P384Key_NullBecauseEs256IsP256()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Null(SigningKeyDecoder.TryDecodeEcdsa(p384.ExportPkcs8PrivateKeyPem()));
    }

    [Fact]
    public void SigningKeyDecoder_Base64Pkcs8AndPem_SameKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var fromPem = SigningKeyDecoder.TryDecodeEcdsa(key.ExportPkcs8PrivateKeyPem())!;
        using var fromBase64 = SigningKeyDecoder.TryDecodeEcdsa(Convert.ToBase64String(key.ExportPkcs8PrivateKey()))!;
        using var fromSec1 = SigningKeyDecoder.TryDecodeEcdsa(key.ExportECPrivateKeyPem())!;

        Assert.Equal(key.ExportParameters(true).D, fromPem.ExportParameters(true).D);
        Assert.Equal(key.ExportParameters(true).D, fromBase64.ExportParameters(true).D);
        Assert.Equal(key.ExportParameters(true).D, fromSec1.ExportParameters(true).D);
    }
}
