namespace FuncAuth.Sessions;

/// <summary>
/// One login session (a refresh-token family). Only SHA-256 hashes of refresh tokens are stored (base64url).
/// </summary>
/// <param name="UserId">Owner; the storage partition, so logout-all stays in one partition.</param>
/// <param name="SessionId">Random id (32 hex chars); the JWT <c>sid</c>.</param>
/// <param name="Email">Copied from the user so a refresh needs no user read.</param>
/// <param name="DisplayName">Copied from the user so a refresh needs no user read.</param>
/// <param name="CurrentTokenHash">Hash of the only refresh token that may rotate the session now.</param>
/// <param name="PreviousTokenHash">Hash of the token replaced by the last rotation (grace window), if any.</param>
/// <param name="RotatedAt">When the last rotation happened, if any.</param>
/// <param name="RetiredTokenHashes">Hashes of older rotated tokens still within their own lifetime (replay detection), oldest first.</param>
/// <param name="Generation">Number of rotations so far (0 after login).</param>
/// <param name="CreatedAt">Login time.</param>
/// <param name="RefreshExpiresAt">When the current refresh token expires.</param>
/// <param name="AbsoluteExpiresAt">CreatedAt + session lifetime; no rotation extends past it.</param>
/// <param name="RevokedAt">Set when replay was detected; a revoked session never rotates again.</param>
/// <param name="ETag">The storage version this record was read at (null before it is stored).</param>
public sealed record SessionRecord(
    string UserId,
    string SessionId,
    string Email,
    string DisplayName,
    string CurrentTokenHash,
    string? PreviousTokenHash,
    DateTimeOffset? RotatedAt,
    IReadOnlyList<string> RetiredTokenHashes,
    int Generation,
    DateTimeOffset CreatedAt,
    DateTimeOffset RefreshExpiresAt,
    DateTimeOffset AbsoluteExpiresAt,
    DateTimeOffset? RevokedAt,
    string? ETag = null);
