using FuncAuth.Auth;
using Microsoft.IdentityModel.Tokens;

namespace FuncAuth.Tokens;

/// <summary>
/// The HMAC keys from <see cref="AuthOptions"/>. With <see cref="AuthOptions.SigningKeys"/> the last entry signs and
/// every entry validates, so a new key can be added before the old one is retired without logging anyone out.
/// Otherwise <see cref="AuthOptions.SigningKey"/> is the only key, with kid <see cref="DefaultKeyId"/>.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>The kid given to <see cref="AuthOptions.SigningKey"/>.</summary>
    public const string DefaultKeyId = "default";

    /// <summary>Builds the ring; options are expected to have passed <see cref="AuthOptionsValidator"/>.</summary>
    public SigningKeyRing(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var keys = options.SigningKeys.Count > 0
            ? options.SigningKeys.Select(k => CreateKey(k.Id, k.Key)).ToList()
            : [CreateKey(DefaultKeyId, options.SigningKey)];

        ValidationKeys = keys;
        Secrets = keys.Select(k => k.Key).ToArray();
        SigningKey = keys[^1];
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The key new tokens are signed with.</summary>
    public SymmetricSecurityKey SigningKey { get; }

    /// <summary>HS256 credentials over <see cref="SigningKey"/>.</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>Every configured key; a token is accepted when its kid names one of them.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    /// <summary>The raw key bytes in configuration order (the last signs): input for derived keys, never used directly elsewhere.</summary>
    public IReadOnlyList<byte[]> Secrets { get; }

    private static SymmetricSecurityKey CreateKey(string id, string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || !TryDecode(base64, out var bytes))
        {
            // The validator reports this with the setting's name at startup; this only guards direct construction.
            throw new InvalidOperationException($"Signing key '{id}' is missing or not base64.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = id };
    }

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
