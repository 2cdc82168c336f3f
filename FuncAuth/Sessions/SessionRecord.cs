namespace FuncAuth.Sessions;

/// <summary>
/// One login session (a refresh-token family). Nothing secret is stored: refresh tokens are MACs of (user, session,
/// generation) under a server key, so the row only needs to know which generation is current.
/// </summary>
/// <param name="UserId">Owner; the storage partition, so logout-all stays in one partition.</param>
/// <param name="SessionId">Random id (32 hex chars); the JWT <c>sid</c>.</param>
/// <param name="Email">Copied from the user at login, so refresh and <c>/me</c> need no user read.</param>
/// <param name="DisplayName">Copied from the user at login, for the same reason.</param>
/// <param name="Generation">Rotations so far (0 after login): the generation of the only token that may rotate now.</param>
/// <param name="RotatedAt">When the last rotation happened, if any (start of the reuse grace window).</param>
/// <param name="CreatedAt">Login time.</param>
/// <param name="RefreshExpiresAt">When the current refresh token expires.</param>
/// <param name="AbsoluteExpiresAt">CreatedAt + session lifetime; no rotation extends past it.</param>
/// <param name="RevokedAt">Set when a replay was detected; a revoked session never rotates again.</param>
/// <param name="ETag">The storage version this record was read at (null before it is stored).</param>
public sealed record SessionRecord(
    string UserId,
    string SessionId,
    string Email,
    string DisplayName,
    int Generation,
    DateTimeOffset? RotatedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset RefreshExpiresAt,
    DateTimeOffset AbsoluteExpiresAt,
    DateTimeOffset? RevokedAt,
    string? ETag = null);
