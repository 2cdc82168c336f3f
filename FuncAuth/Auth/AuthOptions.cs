using System.ComponentModel.DataAnnotations;
using FuncAuth.Settings;
using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>
/// Settings under <c>Auth</c> (environment: <c>Auth__*</c>). Validated at startup by <see cref="AuthOptionsValidator"/>,
/// generated from the annotations here and on the nested options; the rules across settings are <see cref="AuthOptionsRules"/>.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Auth";

    /// <summary>The environment-variable prefix of these settings, for messages.</summary>
    internal const string Prefix = SectionName + Setting.Separator;

    /// <summary><c>Auth__SigningAlgorithm</c>: <c>HS256</c> (default, shared secrets) or <c>ES256</c> (key pairs, JWKS published).</summary>
    [EnumDataType(typeof(SigningAlgorithm), ErrorMessage = Prefix + nameof(SigningAlgorithm) + " must be HS256 or ES256")]
    public SigningAlgorithm SigningAlgorithm { get; set; } = SigningAlgorithm.HS256;

    /// <summary>
    /// <c>Auth__EcdsaKeys__N__Id</c> / <c>__PrivateKey</c>: the ES256 keys (required with <c>Auth__SigningAlgorithm=ES256</c>).
    /// The last one signs; all of them validate and are published.
    /// </summary>
    public List<EcdsaKeyOptions> EcdsaKeys { get; set; } = [];

    /// <summary>
    /// <c>Auth__SigningKey</c>: base64 HMAC key of at least 32 bytes (256 bits). Used when <see cref="SigningKeys"/> is empty.
    /// No default: startup fails without a key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// <c>Auth__SigningKeys__N__Id</c> / <c>__Key</c>: keys for rotation. The last one signs; all of them validate.
    /// </summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary><c>Auth__Issuer</c>: the JWT <c>iss</c>. Default <c>funcauth</c>.</summary>
    [Required(ErrorMessage = Prefix + nameof(Issuer) + " is required")]
    public string Issuer { get; set; } = "funcauth";

    /// <summary><c>Auth__Audience</c>: the JWT <c>aud</c>. Default <c>funcauth</c>.</summary>
    [Required(ErrorMessage = Prefix + nameof(Audience) + " is required")]
    public string Audience { get; set; } = "funcauth";

    /// <summary><c>Auth__AccessTokenLifetime</c>: access token and cookie lifetime. Default 15 minutes; 1 second to 1 day, shorter than the refresh token's.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Prefix + nameof(AccessTokenLifetime) + Setting.Between)]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>Auth__RefreshTokenLifetime</c>: lifetime of each refresh token, renewed on rotation. Default 1 day; at most the session's.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = Prefix + nameof(RefreshTokenLifetime) + Setting.Between)]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary><c>Auth__SessionLifetime</c>: absolute session lifetime from login. Default 30 days, at most 365.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = Prefix + nameof(SessionLifetime) + Setting.Between)]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// <c>Auth__RefreshReuseGrace</c>: how long after a rotation the just-replaced refresh token still gets the same
    /// successor (a retried request, a lost response, a racing tab) instead of revoking the session. Default 10 seconds,
    /// at most 60.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = Prefix + nameof(RefreshReuseGrace) + Setting.Between)]
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Auth__ClockSkew</c>: tolerance when validating access token times. Default 30 seconds, at most 5 minutes.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = Prefix + nameof(ClockSkew) + Setting.Between)]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Auth__Lockout__*</c>: account lockout.</summary>
    [Required(ErrorMessage = Prefix + nameof(Lockout) + " is required")]
    [ValidateObjectMembers]
    public LockoutOptions Lockout { get; set; } = new();

    /// <summary><c>Auth__Cookies__*</c>: cookie names and attributes.</summary>
    [Required(ErrorMessage = Prefix + nameof(Cookies) + " is required")]
    [ValidateObjectMembers]
    public AuthCookieOptions Cookies { get; set; } = new();

    /// <summary>
    /// <c>Auth__PublicOrigins__N</c>: the origins (scheme://host[:port]) this API is served on, which may always send
    /// state-changing requests. Never taken from the request's <c>Host</c> header (DNS rebinding could make any site
    /// "own"). Default: derived from <c>WEBSITE_HOSTNAME</c>, which the Functions host sets (https, or http for a
    /// loopback name such as Core Tools' or the DevHost's <c>localhost:7071</c>).
    /// </summary>
    public List<string> PublicOrigins { get; set; } = [];

    /// <summary>
    /// <c>Auth__AllowedOrigins__N</c>: origins (scheme://host[:port]) besides the API's own that may send
    /// state-changing requests. Default none.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AuthOptionsRules.Check(this).Select(failure => new ValidationResult(failure));
}
