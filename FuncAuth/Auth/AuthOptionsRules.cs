using FuncAuth.Settings;

namespace FuncAuth.Auth;

/// <summary>
/// The rules of <see cref="AuthOptions"/> that no annotation can express: how the lifetimes relate, which keys the
/// algorithm needs and whether they decode, and that each origin is one. Each message names the setting in its
/// environment-variable form and never echoes a key.
/// </summary>
internal static class AuthOptionsRules
{
    private const string Prefix = AuthOptions.Prefix;
    private const string StrongKey = " must be base64 of at least 32 bytes (256 bits)";

    /// <summary>The failures of <paramref name="o"/>, none when it is valid.</summary>
    public static IEnumerable<string> Check(AuthOptions o) =>
        Lifetimes(o)
            .Concat(o.SigningAlgorithm == SigningAlgorithm.ES256 ? EcdsaKeys(o) : HmacKeys(o))
            .Concat(Origins(o.AllowedOrigins, nameof(o.AllowedOrigins)))
            .Concat(Origins(o.PublicOrigins, nameof(o.PublicOrigins)));

    private static IEnumerable<string> Lifetimes(AuthOptions o)
    {
        if (o.AccessTokenLifetime >= o.RefreshTokenLifetime)
        {
            yield return $"{Prefix}{nameof(o.AccessTokenLifetime)} must be shorter than {Prefix}{nameof(o.RefreshTokenLifetime)}";
        }

        if (o.RefreshTokenLifetime > o.SessionLifetime)
        {
            yield return $"{Prefix}{nameof(o.RefreshTokenLifetime)} must not exceed {Prefix}{nameof(o.SessionLifetime)}";
        }

        // The grace window hands the current successor to anyone presenting its predecessor: it must end before the
        // predecessor would have expired anyway.
        if (o.RefreshReuseGrace >= o.RefreshTokenLifetime)
        {
            yield return $"{Prefix}{nameof(o.RefreshReuseGrace)} must be shorter than {Prefix}{nameof(o.RefreshTokenLifetime)}";
        }
    }

    // SigningKey is only consulted when SigningKeys is empty (see AuthOptions), so only the keys in use are checked.
    private static IEnumerable<string> HmacKeys(AuthOptions o)
    {
        if (o.SigningKeys is { Count: > 0 })
        {
            return KeyList(o.SigningKeys, nameof(o.SigningKeys), k => k?.Id, (k, item) =>
                SigningKeyDecoder.TryDecodeHmac(k?.Key, out _) ? null : $"{item}__{nameof(k.Key)}{StrongKey}");
        }

        var single = Prefix + nameof(o.SigningKey);
        if (string.IsNullOrWhiteSpace(o.SigningKey))
        {
            var item = Setting.Item(Prefix + nameof(o.SigningKeys), 0);
            return [$"{single} (or {item}__{nameof(SigningKeyOptions.Id)} and {item}__{nameof(SigningKeyOptions.Key)}) is required: base64 of at least 32 bytes (256 bits)"];
        }

        return SigningKeyDecoder.TryDecodeHmac(o.SigningKey, out _) ? [] : [single + StrongKey];
    }

    private static IEnumerable<string> EcdsaKeys(AuthOptions o)
    {
        var algorithm = $"{Prefix}{nameof(o.SigningAlgorithm)}=ES256";
        if (o.EcdsaKeys is not { Count: > 0 })
        {
            var item = Setting.Item(Prefix + nameof(o.EcdsaKeys), 0);
            yield return $"{item}__{nameof(EcdsaKeyOptions.Id)} and {item}__{nameof(EcdsaKeyOptions.PrivateKey)} are required with {algorithm} (a P-256 private key as PEM or base64 PKCS#8)";
        }

        foreach (var failure in KeyList(o.EcdsaKeys ?? [], nameof(o.EcdsaKeys), k => k?.Id, (k, item) =>
        {
            using var decoded = SigningKeyDecoder.TryDecodeEcdsa(k?.PrivateKey);
            return decoded is null ? $"{item}__{nameof(k.PrivateKey)} must be a P-256 private key (PEM, or base64 of PKCS#8 DER)" : null;
        }))
        {
            yield return failure;
        }

        // The discovery document names the JWKS by absolute URL, which must not come from a request's Host header.
        if (o.PublicOrigins is not { Count: > 0 })
        {
            yield return $"{Setting.Item(Prefix + nameof(o.PublicOrigins), 0)} (or {OwnOrigins.WebsiteHostNameSetting}) is required with {algorithm}: the JWKS is published at an absolute URL";
        }
    }

    // Every key needs an id of its own (the JWT kid) and key material that decodes.
    private static IEnumerable<string> KeyList<T>(List<T> keys, string listName, Func<T, string?> id, Func<T, string, string?> keyFailure)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var item = Setting.Item(Prefix + listName, i);
            var keyId = id(keys[i]);
            if (string.IsNullOrWhiteSpace(keyId))
            {
                yield return $"{item}__Id must not be empty";
            }
            else if (!ids.Add(keyId))
            {
                yield return $"{item}__Id must be unique among {Prefix}{listName}";
            }

            if (keyFailure(keys[i], item) is { } failure)
            {
                yield return failure;
            }
        }
    }

    private static IEnumerable<string> Origins(List<string>? origins, string listName) =>
        (origins ?? []).Select((origin, i) => WebOrigin.IsOrigin(origin)
                ? null
                : $"{Setting.Item(Prefix + listName, i)} must be an http(s) origin such as https://app.example.com (scheme, host, optional port; no path)")
            .OfType<string>();
}
