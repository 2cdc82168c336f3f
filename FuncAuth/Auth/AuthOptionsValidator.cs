using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>
/// Cross-field rules for <see cref="AuthOptions"/> that data annotations cannot express, plus the annotations of the
/// nested <see cref="LockoutOptions"/> and <see cref="AuthCookieOptions"/> (ValidateDataAnnotations does not recurse).
/// Messages name each setting in its environment-variable form and never echo a key.
/// </summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <summary>HMAC-SHA256 keys shorter than the hash output weaken it; 32 bytes = 256 bits.</summary>
    public const int MinKeyBytes = 32;

    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Longest <see cref="AuthOptions.RefreshReuseGrace"/> accepted.</summary>
    public static readonly TimeSpan MaxReuseGrace = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        ValidateKeys(options, failures);
        ValidateLifetimes(options, failures);
        ValidateNested(options.Lockout, "Auth__Lockout__", failures);
        ValidateNested(options.Cookies, "Auth__Cookies__", failures);
        if (options.Lockout is not null && options.Lockout.Duration <= TimeSpan.Zero)
        {
            failures.Add("Auth__Lockout__Duration must be positive");
        }

        ValidateCookies(options.Cookies, failures);
        ValidateOrigins(options.AllowedOrigins, "Auth__AllowedOrigins", failures);
        ValidateOrigins(options.PublicOrigins, "Auth__PublicOrigins", failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKeys(AuthOptions options, List<string> failures)
    {
        if (options.SigningAlgorithm == SigningAlgorithm.ES256)
        {
            ValidateEcdsaKeys(options, failures);
            return;
        }

        if (!Enum.IsDefined(options.SigningAlgorithm))
        {
            failures.Add("Auth__SigningAlgorithm must be HS256 or ES256");
            return;
        }

        // SigningKey is only consulted when SigningKeys is empty (see AuthOptions), so only the keys in use are checked.
        if (options.SigningKeys is not { Count: > 0 })
        {
            if (string.IsNullOrWhiteSpace(options.SigningKey))
            {
                failures.Add("Auth__SigningKey (or Auth__SigningKeys__N__Id and Auth__SigningKeys__N__Key) is required: base64 of at least 32 bytes (256 bits)");
            }
            else if (!IsStrongKey(options.SigningKey))
            {
                failures.Add("Auth__SigningKey must be base64 of at least 32 bytes (256 bits)");
            }

            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var key = options.SigningKeys[i];
            if (string.IsNullOrWhiteSpace(key?.Id))
            {
                failures.Add($"Auth__SigningKeys__{i}__Id must not be empty");
            }
            else if (!ids.Add(key.Id))
            {
                failures.Add($"Auth__SigningKeys__{i}__Id must be unique among Auth__SigningKeys");
            }

            if (!IsStrongKey(key?.Key))
            {
                failures.Add($"Auth__SigningKeys__{i}__Key must be base64 of at least 32 bytes (256 bits)");
            }
        }
    }

    private static void ValidateEcdsaKeys(AuthOptions options, List<string> failures)
    {
        if (options.EcdsaKeys is not { Count: > 0 })
        {
            failures.Add("Auth__EcdsaKeys__0__Id and Auth__EcdsaKeys__0__PrivateKey are required with Auth__SigningAlgorithm=ES256 (a P-256 private key as PEM or base64 PKCS#8)");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.EcdsaKeys.Count; i++)
        {
            var key = options.EcdsaKeys[i];
            if (string.IsNullOrWhiteSpace(key?.Id))
            {
                failures.Add($"Auth__EcdsaKeys__{i}__Id must not be empty");
            }
            else if (!ids.Add(key.Id))
            {
                failures.Add($"Auth__EcdsaKeys__{i}__Id must be unique among Auth__EcdsaKeys");
            }

            using var decoded = Tokens.EcdsaKeyDecoder.TryDecode(key?.PrivateKey);
            if (decoded is null)
            {
                failures.Add($"Auth__EcdsaKeys__{i}__PrivateKey must be a P-256 private key (PEM, or base64 of PKCS#8 DER)");
            }
        }

        // The discovery document names the JWKS by absolute URL, which must not come from a request's Host header.
        if (options.PublicOrigins is not { Count: > 0 })
        {
            failures.Add("Auth__PublicOrigins__0 (or WEBSITE_HOSTNAME) is required with Auth__SigningAlgorithm=ES256: the JWKS is published at an absolute URL");
        }
    }

    private static bool IsStrongKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= MinKeyBytes;
    }

    private static void ValidateLifetimes(AuthOptions o, List<string> failures)
    {
        RequirePositive(o.AccessTokenLifetime, "Auth__AccessTokenLifetime", failures);
        RequirePositive(o.RefreshTokenLifetime, "Auth__RefreshTokenLifetime", failures);
        RequirePositive(o.SessionLifetime, "Auth__SessionLifetime", failures);

        if (o.AccessTokenLifetime >= o.RefreshTokenLifetime)
        {
            failures.Add("Auth__AccessTokenLifetime must be shorter than Auth__RefreshTokenLifetime");
        }

        if (o.RefreshTokenLifetime > o.SessionLifetime)
        {
            failures.Add("Auth__RefreshTokenLifetime must not exceed Auth__SessionLifetime");
        }

        // The grace window hands the current successor to anyone presenting its predecessor; longer than a retry
        // needs, it becomes a window in which a stolen token is not detected.
        if (o.RefreshReuseGrace < TimeSpan.Zero || o.RefreshReuseGrace > MaxReuseGrace || o.RefreshReuseGrace >= o.RefreshTokenLifetime)
        {
            failures.Add("Auth__RefreshReuseGrace must be between 00:00:00 and 00:01:00 and shorter than Auth__RefreshTokenLifetime");
        }

        if (o.ClockSkew < TimeSpan.Zero || o.ClockSkew > MaxClockSkew)
        {
            failures.Add("Auth__ClockSkew must be between 00:00:00 and 00:05:00");
        }
    }

    private static void RequirePositive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be positive");
        }
    }

    private static void ValidateNested(object? nested, string prefix, List<string> failures)
    {
        if (nested is null)
        {
            failures.Add($"{prefix.TrimEnd('_')} is required");
            return;
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(nested, new ValidationContext(nested), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                var members = string.Join(", ", result.MemberNames.Select(m => prefix + m));
                failures.Add($"{members}: {result.ErrorMessage}");
            }
        }
    }

    private static void ValidateCookies(AuthCookieOptions? cookies, List<string> failures)
    {
        if (cookies is null)
        {
            return;
        }

        CheckCookieName(cookies.AccessName, "Auth__Cookies__AccessName", failures);
        CheckCookieName(cookies.RefreshName, "Auth__Cookies__RefreshName", failures);
        if (string.Equals(cookies.AccessName, cookies.RefreshName, StringComparison.Ordinal))
        {
            failures.Add("Auth__Cookies__RefreshName must differ from Auth__Cookies__AccessName");
        }

        CheckCookiePath(cookies.AccessPath, "Auth__Cookies__AccessPath", failures);
        CheckCookiePath(cookies.RefreshPath, "Auth__Cookies__RefreshPath", failures);

        var secure = cookies.Secure || cookies.SameSite == CookieSameSite.None;
        CheckCookiePrefix(cookies.AccessName, "Auth__Cookies__AccessName", cookies.AccessPath, "Auth__Cookies__AccessPath", secure, failures);
        CheckCookiePrefix(cookies.RefreshName, "Auth__Cookies__RefreshName", cookies.RefreshPath, "Auth__Cookies__RefreshPath", secure, failures);
    }

    // Browsers silently drop prefixed cookies that break the prefix's rules (RFC 6265bis 4.1.3), which would
    // look like "login works but nobody stays signed in": refuse such a configuration at startup instead.
    private static void CheckCookiePrefix(string? name, string nameSetting, string? path, string pathSetting, bool secure, List<string> failures)
    {
        var host = name?.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase) == true;
        if ((host || name?.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase) == true) && !secure)
        {
            failures.Add($"{nameSetting} uses a __Host-/__Secure- prefix, which needs Auth__Cookies__Secure=true");
        }

        if (host && path != "/")
        {
            failures.Add($"{nameSetting} uses the __Host- prefix, which needs {pathSetting}=/");
        }
    }

    private static void CheckCookieName(string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrEmpty(value) || !value.All(IsTokenChar))
        {
            failures.Add($"{setting} must be a cookie name (RFC 6265 token: visible ASCII without separators such as ;,=\" or spaces)");
        }
    }

    // RFC 9110 tchar: the characters a cookie name (RFC 6265 cookie-name = token) may use.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);

    private static void CheckCookiePath(string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '/' || value.Any(c => c is ';' || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            failures.Add($"{setting} must start with '/' and contain no ';', spaces or control characters");
        }
    }

    private static void ValidateOrigins(List<string>? origins, string setting, List<string> failures)
    {
        if (origins is null)
        {
            return;
        }

        for (var i = 0; i < origins.Count; i++)
        {
            if (!IsOrigin(origins[i]))
            {
                failures.Add($"{setting}__{i} must be an http(s) origin such as https://app.example.com (scheme, host, optional port; no path)");
            }
        }
    }

    private static bool IsOrigin(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0)
        {
            return false;
        }

        // Browsers send Origin as scheme://host[:port] exactly, so anything after the authority (even "/") can never match.
        var afterScheme = value.IndexOf("://", StringComparison.Ordinal) + 3;
        return value.IndexOfAny(['/', '?', '#', ' '], afterScheme) < 0;
    }
}
