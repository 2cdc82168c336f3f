namespace FuncAuth.Tokens;

/// <summary>What a well-formed refresh token carries: where its session lives and the hash to compare.</summary>
/// <param name="UserId">32 lower-case hex characters (the session's partition).</param>
/// <param name="SessionId">32 lower-case hex characters (the session's row).</param>
/// <param name="Hash">base64url SHA-256 of the 64 token bytes.</param>
public sealed record ParsedRefreshToken(string UserId, string SessionId, string Hash);
