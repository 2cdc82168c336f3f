using System.Text.Json;
using FuncAuth.Auth;
using FuncAuth.Discovery;
using FuncAuth.TestSupport.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Options;

namespace FuncAuth.Tests.Tokens;

public sealed class PublicKeyDocumentsTests
{
    [Fact]
    public void KeySet_Es256_EveryKeyWithPublicParametersOnly()
    {
        var options = TestAuth.Es256Options("k1", "k2");
        var ring = new SigningKeyRing(options);

        var keySet = new PublicKeyDocuments(ring, Options.Create(options)).KeySet!;
        var json = JsonSerializer.Serialize(keySet, DiscoveryJsonContext.Default.JsonWebKeySetResponse);

        Assert.Equal(["k1", "k2"], keySet.Keys.Select(k => k.Kid));
        Assert.All(keySet.Keys, k => Assert.Equal(("EC", "P-256", "sig", "ES256"), (k.Kty, k.Crv, k.Use, k.Alg)));
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
        foreach (var key in options.EcdsaKeys)
        {
            using var ecdsa = SigningKeyDecoder.TryDecodeEcdsa(key.PrivateKey)!;
            Assert.DoesNotContain(System.Buffers.Text.Base64Url.EncodeToString(ecdsa.ExportParameters(true).D), json, StringComparison.Ordinal);
        }

        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(ring.PublicKeys[0].ECDsa.ExportParameters(false).Q.X), keySet.Keys[0].X);
    }

    [Fact]
    public void Configuration_Es256_IssuerAndAbsoluteJwksUriOnThePublicOrigin()
    {
        var options = TestAuth.Es256Options();

        var configuration = new PublicKeyDocuments(new SigningKeyRing(options), Options.Create(options)).Configuration!;

        Assert.Equal(options.Issuer, configuration.Issuer);
        Assert.Equal("https://auth.example.test/api/.well-known/jwks.json", configuration.JwksUri);
        Assert.Contains("\"jwks_uri\":", JsonSerializer.Serialize(configuration, DiscoveryJsonContext.Default.OpenIdConfigurationResponse), StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_Hs256_Nothing()
    {
        var options = TestAuth.Options(o => o.PublicOrigins = ["https://auth.example.test"]);

        var documents = new PublicKeyDocuments(new SigningKeyRing(options), Options.Create(options));

        Assert.Null(documents.KeySet);
        Assert.Null(documents.Configuration);
    }
}
