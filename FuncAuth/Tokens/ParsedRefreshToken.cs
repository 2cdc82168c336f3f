namespace FuncAuth.Tokens;

/// <summary>A refresh token whose MAC verified: a token this server issued, and which session and generation it names.</summary>
/// <param name="UserId">32 lower-case hex characters (the session's partition).</param>
/// <param name="SessionId">32 lower-case hex characters (the session's row).</param>
/// <param name="Generation">How many rotations the session had gone through when this token was issued (0 at login).</param>
public sealed record ParsedRefreshToken(string UserId, string SessionId, int Generation);
