using System.Buffers.Text;
using FuncAuth.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Options;

namespace FuncAuth.Discovery;

/// <summary>
/// The JWKS and discovery documents of an ES256 deployment, built once from the key ring (public parameters only).
/// In HS256 mode there is nothing to publish: both are null.
/// </summary>
public sealed class PublicKeyDocuments
{
    /// <summary>The route of the JWKS under the API prefix.</summary>
    public const string JwksRoute = ".well-known/jwks.json";

    /// <summary>The route of the discovery document under the API prefix.</summary>
    public const string ConfigurationRoute = ".well-known/openid-configuration";

    /// <summary>How long relying parties may cache either document: short, so a new signing key is picked up within minutes.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Builds both documents; <c>jwks_uri</c> is absolute, on the first configured public origin.</summary>
    public PublicKeyDocuments(SigningKeyRing keys, IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        if (keys.Algorithm != SigningAlgorithm.ES256)
        {
            return;
        }

        KeySet = new JsonWebKeySetResponse(keys.PublicKeys.Select(key =>
        {
            var point = key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
            return new JsonWebKeyResponse("EC", "P-256", Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y), key.KeyId, "sig", keys.JwsAlgorithm);
        }).ToArray());

        var origin = options.Value.PublicOrigins[0].TrimEnd('/');
        Configuration = new OpenIdConfigurationResponse(
            options.Value.Issuer,
            $"{origin}/api/{JwksRoute}",
            ["public"],
            [keys.JwsAlgorithm],
            ["sub", "sid", "jti", "iat", "nbf", "exp", "iss", "aud"]);
    }

    /// <summary>The public keys, or null in HS256 mode.</summary>
    public JsonWebKeySetResponse? KeySet { get; }

    /// <summary>The discovery document, or null in HS256 mode.</summary>
    public OpenIdConfigurationResponse? Configuration { get; }
}
