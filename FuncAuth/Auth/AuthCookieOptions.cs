using System.ComponentModel.DataAnnotations;
using FuncAuth.Settings;

namespace FuncAuth.Auth;

/// <summary>Cookie names and attributes (<c>Auth__Cookies__*</c>).</summary>
public sealed class AuthCookieOptions : IValidatableObject
{
    private const string Prefix = AuthOptions.Prefix + nameof(AuthOptions.Cookies) + Setting.Separator;

    // RFC 6265 cookie-name = token (RFC 9110 tchar): visible ASCII without separators.
    private const string TokenPattern = "^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$";
    private const string NotAName = " must be a cookie name (RFC 6265 token: visible ASCII without separators such as ;,=\" or spaces)";

    // A cookie path the Set-Cookie header can carry as is.
    private const string PathPattern = "^/[^;\\s\\p{Cc}]*$";
    private const string NotAPath = " must start with '/' and contain no ';', spaces or control characters";

    /// <summary><c>Auth__Cookies__AccessName</c>: cookie holding the JWT. Default <c>auth-cookie</c>.</summary>
    [Required(ErrorMessage = Prefix + nameof(AccessName) + NotAName)]
    [RegularExpression(TokenPattern, ErrorMessage = Prefix + nameof(AccessName) + NotAName)]
    public string AccessName { get; set; } = "auth-cookie";

    /// <summary><c>Auth__Cookies__RefreshName</c>: cookie holding the refresh token. Default <c>refresh-cookie</c>.</summary>
    [Required(ErrorMessage = Prefix + nameof(RefreshName) + NotAName)]
    [RegularExpression(TokenPattern, ErrorMessage = Prefix + nameof(RefreshName) + NotAName)]
    public string RefreshName { get; set; } = "refresh-cookie";

    /// <summary><c>Auth__Cookies__Secure</c>: send the Secure attribute. Default true; forced when SameSite is None.</summary>
    public bool Secure { get; set; } = true;

    /// <summary><c>Auth__Cookies__SameSite</c>: Strict (default), Lax or None.</summary>
    [EnumDataType(typeof(CookieSameSite), ErrorMessage = Prefix + nameof(SameSite) + " must be Strict, Lax or None")]
    public CookieSameSite SameSite { get; set; } = CookieSameSite.Strict;

    /// <summary><c>Auth__Cookies__AccessPath</c>: path of the access cookie. Default <c>/api</c>.</summary>
    [Required(ErrorMessage = Prefix + nameof(AccessPath) + NotAPath)]
    [RegularExpression(PathPattern, ErrorMessage = Prefix + nameof(AccessPath) + NotAPath)]
    public string AccessPath { get; set; } = "/api";

    /// <summary><c>Auth__Cookies__RefreshPath</c>: path of the refresh cookie. Default <c>/api/auth</c>.</summary>
    [Required(ErrorMessage = Prefix + nameof(RefreshPath) + NotAPath)]
    [RegularExpression(PathPattern, ErrorMessage = Prefix + nameof(RefreshPath) + NotAPath)]
    public string RefreshPath { get; set; } = "/api/auth";

    /// <summary>The Secure attribute is sent: configured, or forced by SameSite=None.</summary>
    public bool SendsSecure => Secure || SameSite == CookieSameSite.None;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(AccessName, RefreshName, StringComparison.Ordinal))
        {
            yield return new(Prefix + nameof(RefreshName) + " must differ from " + Prefix + nameof(AccessName));
        }

        foreach (var failure in PrefixFailures(AccessName, nameof(AccessName), AccessPath, nameof(AccessPath))
            .Concat(PrefixFailures(RefreshName, nameof(RefreshName), RefreshPath, nameof(RefreshPath))))
        {
            yield return new(failure);
        }
    }

    // Browsers silently drop prefixed cookies that break the prefix's rules (RFC 6265bis 4.1.3), which would
    // look like "login works but nobody stays signed in": refuse such a configuration at startup instead.
    private IEnumerable<string> PrefixFailures(string? name, string nameSetting, string? path, string pathSetting)
    {
        var host = name?.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase) == true;
        if ((host || name?.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase) == true) && !SendsSecure)
        {
            yield return $"{Prefix}{nameSetting} uses a __Host-/__Secure- prefix, which needs {Prefix}{nameof(Secure)}=true";
        }

        if (host && path != "/")
        {
            yield return $"{Prefix}{nameSetting} uses the __Host- prefix, which needs {Prefix}{pathSetting}=/";
        }
    }
}

/// <summary>The SameSite attribute values a deployment may choose.</summary>
public enum CookieSameSite
{
    /// <summary>Cookies only on same-site requests.</summary>
    Strict,
    /// <summary>Also on top-level cross-site navigations.</summary>
    Lax,
    /// <summary>On every request; forces Secure.</summary>
    None,
}
