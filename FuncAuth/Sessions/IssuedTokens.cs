using FuncAuth.Auth;

namespace FuncAuth.Sessions;

/// <summary>What a successful login or refresh hands to the HTTP layer.</summary>
public sealed record IssuedTokens(
    AuthenticatedUser User,
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);
