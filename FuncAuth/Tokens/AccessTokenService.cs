using System.Security.Cryptography;
using FuncAuth.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FuncAuth.Tokens;

/// <summary>
/// Issues and validates the access tokens (HS256 or ES256). Validation is strict and total: anything that is not a token we
/// issued, unexpired by the injected <see cref="TimeProvider"/>, yields null rather than an exception.
/// </summary>
public sealed class AccessTokenService
{
    /// <summary>Longer tokens are refused before any parsing (ours are well under 1 KiB).</summary>
    public const int MaxTokenLength = 4096;

    private readonly AuthOptions _options;
    private readonly SigningKeyRing _keys;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler;
    private readonly TokenValidationParameters _parameters;

    /// <summary>Creates the service from validated options.</summary>
    public AccessTokenService(IOptions<AuthOptions> options, SigningKeyRing keys, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _keys = keys;
        _time = timeProvider;

        // Without this the handler would rename `sub` to a long WS-* claim type on the way in.
        // Stryker disable once Initializer,Boolean : claims are read from the payload (TryGetPayloadValue), never from a mapped ClaimsIdentity, and Issue sets every time itself
        _handler = new JsonWebTokenHandler { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

        _parameters = new TokenValidationParameters
        {
            // Only the configured algorithm: an HS256 token is refused in ES256 mode and vice versa.
            ValidAlgorithms = [_keys.JwsAlgorithm],
            ValidTypes = [JwtConstants.HeaderType],
            RequireSignedTokens = true,
            // Stryker disable once Boolean : ValidateLifetime's own check (LifetimeValidator) refuses a token without exp
            RequireExpirationTime = true,
            // Stryker disable once Boolean : ValidateAudience with a ValidAudience already refuses a token without aud
            RequireAudience = true,
            ValidateIssuer = true,
            ValidIssuer = _options.Issuer,
            ValidateAudience = true,
            ValidAudience = _options.Audience,
            // Stryker disable once Boolean : the handler calls a LifetimeValidator whether or not this is set
            ValidateLifetime = true,
            ClockSkew = _options.ClockSkew,

            // The library's own check compares with `<` (so exp+skew itself would still be valid) and 8.23 does not expose a
            // public TimeProvider on these parameters; ours uses the injected clock with "at expiry = expired".
            LifetimeValidator = ValidateLifetime,
            IssuerSigningKeys = _keys.ValidationKeys,

            // Our tokens always carry a kid; a token naming no configured key is not ours.
            TryAllIssuerSigningKeys = false,
        };
    }

    /// <summary>Signs a token for <paramref name="user"/> valid for <see cref="AuthOptions.AccessTokenLifetime"/>.</summary>
    public IssuedAccessToken Issue(AuthenticatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);

        // JWT times are whole seconds; truncating first makes ExpiresAt equal the exp claim exactly.
        var now = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + _options.AccessTokenLifetime).ToUnixTimeSeconds());

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _keys.SigningCredentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.UserId,
                [JwtRegisteredClaimNames.Sid] = user.SessionId,
                [JwtRegisteredClaimNames.Jti] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            },
        };

        return new IssuedAccessToken(_handler.CreateToken(descriptor), expires);
    }

    /// <summary>The caller proven by <paramref name="token"/>, or null when it is not a valid token of ours.</summary>
    public AuthenticatedUser? Validate(string? token)
    {
        // Compact JWS has no '=' (RFC 7515 base64url drops the padding), but the handler accepts a padded signature:
        // refusing it keeps one spelling per token, as the refresh-token codec does.
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || token.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        TokenValidationResult result;
        try
        {
            // Symmetric keys and no configuration manager: the task completes synchronously, nothing blocks.
            result = _handler.ValidateTokenAsync(token, _parameters).GetAwaiter().GetResult();
        }
        // Stryker disable once Equality : defensive only: the handler reports failures in its result, no known input makes it throw
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException)
        {
            return null;
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        var userId = ReadString(jwt, JwtRegisteredClaimNames.Sub);
        var sessionId = ReadString(jwt, JwtRegisteredClaimNames.Sid);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(sessionId))
        {
            return null;
        }

        return new AuthenticatedUser(userId, sessionId);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var skew = _options.ClockSkew;
        return now < expires.Value + skew && (notBefore is null || now >= notBefore.Value - skew);
    }

    private static string? ReadString(JsonWebToken jwt, string claim) =>
        jwt.TryGetPayloadValue<string>(claim, out var value) ? value : null;
}
