using System.ComponentModel.DataAnnotations;

namespace FuncAuth.Auth;

/// <summary>Cookie names and attributes (<c>Auth__Cookies__*</c>).</summary>
public sealed class AuthCookieOptions
{
    /// <summary><c>Auth__Cookies__AccessName</c>: cookie holding the JWT. Default <c>auth-cookie</c>.</summary>
    [Required]
    public string AccessName { get; set; } = "auth-cookie";

    /// <summary><c>Auth__Cookies__RefreshName</c>: cookie holding the refresh token. Default <c>refresh-cookie</c>.</summary>
    [Required]
    public string RefreshName { get; set; } = "refresh-cookie";

    /// <summary><c>Auth__Cookies__Secure</c>: send the Secure attribute. Default true; forced when SameSite is None.</summary>
    public bool Secure { get; set; } = true;

    /// <summary><c>Auth__Cookies__SameSite</c>: Strict (default), Lax or None.</summary>
    public CookieSameSite SameSite { get; set; } = CookieSameSite.Strict;

    /// <summary><c>Auth__Cookies__AccessPath</c>: path of the access cookie. Default <c>/api</c>.</summary>
    public string AccessPath { get; set; } = "/api";

    /// <summary><c>Auth__Cookies__RefreshPath</c>: path of the refresh cookie. Default <c>/api/auth</c>.</summary>
    public string RefreshPath { get; set; } = "/api/auth";
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
