using FuncAuth.Auth;
using Microsoft.IdentityModel.Tokens;

namespace FuncAuth.Tokens;

/// <summary>
/// The access-token keys from <see cref="AuthOptions"/>: HMAC secrets for HS256, or P-256 key pairs for ES256. The last
/// configured key signs and every key validates, so a new key can be added before the old one is retired without
/// logging anyone out. In HS256 mode without <see cref="AuthOptions.SigningKeys"/>, <see cref="AuthOptions.SigningKey"/>
/// is the only key, with kid <see cref="DefaultKeyId"/>.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>The kid given to <see cref="AuthOptions.SigningKey"/>.</summary>
    public const string DefaultKeyId = "default";

    /// <summary>Builds the ring; options are expected to have passed <see cref="AuthOptionsValidator"/>; keys are read by <see cref="SigningKeyDecoder"/>.</summary>
    public SigningKeyRing(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Algorithm = options.SigningAlgorithm;
        if (Algorithm == SigningAlgorithm.ES256)
        {
            var keys = options.EcdsaKeys.Select(k => CreateEcdsaKey(k.Id, k.PrivateKey)).ToList();
            ValidationKeys = keys;
            PublicKeys = keys;
            Secrets = keys.Select(k => k.ECDsa.ExportParameters(includePrivateParameters: true).D!).ToArray();
            SigningCredentials = new SigningCredentials(keys[^1], SecurityAlgorithms.EcdsaSha256);
        }
        else
        {
            var keys = options.SigningKeys.Count > 0
                ? options.SigningKeys.Select(k => CreateHmacKey(k.Id, k.Key)).ToList()
                : [CreateHmacKey(DefaultKeyId, options.SigningKey)];
            ValidationKeys = keys;
            PublicKeys = [];
            Secrets = keys.Select(k => k.Key).ToArray();
            SigningCredentials = new SigningCredentials(keys[^1], SecurityAlgorithms.HmacSha256);
        }
    }

    /// <summary>The configured algorithm; tokens signed any other way are refused.</summary>
    public SigningAlgorithm Algorithm { get; }

    /// <summary>The JWS <c>alg</c> of <see cref="Algorithm"/>.</summary>
    public string JwsAlgorithm => SigningCredentials.Algorithm;

    /// <summary>Credentials over the newest key.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>Every configured key; a token is accepted when its kid names one of them.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    /// <summary>The ES256 keys, to be published as a JWKS (public parameters only); empty in HS256 mode.</summary>
    public IReadOnlyList<ECDsaSecurityKey> PublicKeys { get; }

    /// <summary>
    /// The secret bytes of every key in configuration order (HMAC keys, or ECDSA private scalars): input for derived
    /// keys (<see cref="RefreshTokenKeyRing"/>), never used directly elsewhere.
    /// </summary>
    public IReadOnlyList<byte[]> Secrets { get; }

    private static SymmetricSecurityKey CreateHmacKey(string id, string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || !TryDecode(base64, out var bytes))
        {
            // The validator reports this with the setting's name at startup; this only guards direct construction.
            throw new InvalidOperationException($"Signing key '{id}' is missing or not base64.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = id };
    }

    private static ECDsaSecurityKey CreateEcdsaKey(string id, string? privateKey) =>
        SigningKeyDecoder.TryDecodeEcdsa(privateKey) is { } key
            ? new ECDsaSecurityKey(key) { KeyId = id }
            : throw new InvalidOperationException($"ES256 key '{id}' is not a P-256 private key.");

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        var buffer = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
