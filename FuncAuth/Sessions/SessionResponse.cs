using FuncAuth.Tokens;
namespace FuncAuth.Sessions;

/// <summary>Cookie-mode answer of login and refresh: who is signed in and until when. Never contains a token.</summary>
public sealed record SessionResponse(
    string UserId,
    string Email,
    string DisplayName,
    DateTimeOffset AccessTokenExpiresAt,
    DateTimeOffset RefreshTokenExpiresAt)
{
    /// <summary>Builds the cookie-mode body from issued tokens.</summary>
    public static SessionResponse From(IssuedTokens tokens) => new(
        tokens.User.UserId, tokens.Email, tokens.DisplayName, tokens.AccessTokenExpiresAt, tokens.RefreshTokenExpiresAt);
}
