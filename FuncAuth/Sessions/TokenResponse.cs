using FuncAuth.Tokens;
namespace FuncAuth.Sessions;

/// <summary>Token-mode answer (<c>?useCookies=false</c>) of login and refresh, for clients that cannot keep cookies.</summary>
/// <remarks><c>expiresIn</c> is seconds until the access token expires, as in OAuth 2.0.</remarks>
public sealed record TokenResponse(
    string AccessToken,
    string RefreshToken,
    string TokenType,
    long ExpiresIn,
    string UserId,
    string Email,
    string DisplayName,
    DateTimeOffset AccessTokenExpiresAt,
    DateTimeOffset RefreshTokenExpiresAt)
{
    /// <summary>Builds the token-mode body; <paramref name="now"/> fixes <see cref="ExpiresIn"/>.</summary>
    public static TokenResponse From(IssuedTokens tokens, DateTimeOffset now) => new(
        tokens.AccessToken,
        tokens.RefreshToken,
        "Bearer",
        Math.Max(0, (long)Math.Floor((tokens.AccessTokenExpiresAt - now).TotalSeconds)),
        tokens.User.UserId,
        tokens.Email,
        tokens.DisplayName,
        tokens.AccessTokenExpiresAt,
        tokens.RefreshTokenExpiresAt);
}
