using FuncAuth.Auth;

namespace FuncAuth.Tokens;

/// <summary>What a successful login or refresh hands to the HTTP layer.</summary>
/// <param name="User">The session's user and id (what the access token says).</param>
/// <param name="Email">The user's email (response bodies only; never in a token).</param>
/// <param name="DisplayName">The user's display name (response bodies only; never in a token).</param>
/// <param name="AccessToken">The signed JWT.</param>
/// <param name="AccessTokenExpiresAt">The JWT's <c>exp</c>.</param>
/// <param name="RefreshToken">The opaque refresh token.</param>
/// <param name="RefreshTokenExpiresAt">When the refresh token stops rotating.</param>
public sealed record IssuedTokens(
    AuthenticatedUser User,
    string Email,
    string DisplayName,
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);
