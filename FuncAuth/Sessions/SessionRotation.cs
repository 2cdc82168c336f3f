using FuncAuth.Auth;
using FuncAuth.Tokens;

namespace FuncAuth.Sessions;

/// <summary>
/// The refresh-token family rules, pure (no I/O, time passed in) so every boundary can be tested exactly.
/// Expiry boundaries are "at expiry = expired"; the grace window is [RotatedAt, RotatedAt + grace).
/// </summary>
public static class SessionRotation
{
    /// <summary>Most retired hashes kept on a session; the oldest are dropped so the entity stays small.</summary>
    public const int MaxRetiredHashes = 100;

    /// <summary>A session as it starts at login (generation 0).</summary>
    public static SessionRecord Start(
        string userId, string sessionId, string email, string displayName, string tokenHash, DateTimeOffset now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var absolute = now + options.SessionLifetime;
        return new SessionRecord(
            userId, sessionId, email, displayName,
            CurrentTokenHash: tokenHash,
            PreviousTokenHash: null,
            RotatedAt: null,
            RetiredTokenHashes: [],
            Generation: 0,
            CreatedAt: now,
            RefreshExpiresAt: Min(now + options.RefreshTokenLifetime, absolute),
            AbsoluteExpiresAt: absolute,
            RevokedAt: null);
    }

    /// <summary>Classifies <paramref name="presentedHash"/> against <paramref name="session"/> at <paramref name="now"/>.</summary>
    public static RotationDecision Decide(SessionRecord session, string presentedHash, DateTimeOffset now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);

        // A revoked family accepts nothing, whichever of its tokens is shown.
        if (session.RevokedAt is not null)
        {
            return RotationDecision.Revoked;
        }

        if (RefreshTokenCodec.HashesEqual(presentedHash, session.CurrentTokenHash))
        {
            return now >= session.RefreshExpiresAt || now >= session.AbsoluteExpiresAt
                ? RotationDecision.Expired
                : RotationDecision.Rotate;
        }

        if (RefreshTokenCodec.HashesEqual(presentedHash, session.PreviousTokenHash))
        {
            // Two tabs refreshing with the same token: the loser arrives just after the winner rotated. Refuse it
            // quietly for a few seconds; after that only someone holding a stale copy (a thief) would present it.
            return session.RotatedAt is { } rotatedAt && now < rotatedAt + options.RefreshReuseGrace
                ? RotationDecision.GraceRefused
                : RotationDecision.ReplayDetected;
        }

        // Every entry is compared (no early exit), so timing does not reveal the position of a match.
        var retired = false;
        foreach (var hash in session.RetiredTokenHashes)
        {
            retired |= RefreshTokenCodec.HashesEqual(presentedHash, hash);
        }

        return retired ? RotationDecision.ReplayDetected : RotationDecision.Unknown;
    }

    /// <summary>
    /// The session after a successful rotation to <paramref name="newTokenHash"/>. Keeps the ETag it was read with,
    /// so the caller's conditional write fails if anyone rotated in between.
    /// </summary>
    public static SessionRecord Rotate(SessionRecord session, string newTokenHash, DateTimeOffset now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);

        return session with
        {
            CurrentTokenHash = newTokenHash,
            PreviousTokenHash = session.CurrentTokenHash,
            RotatedAt = now,
            RetiredTokenHashes = Retire(session, now, options),
            Generation = session.Generation + 1,
            RefreshExpiresAt = Min(now + options.RefreshTokenLifetime, session.AbsoluteExpiresAt),
        };
    }

    /// <summary>The session marked revoked at <paramref name="now"/> (kept, not deleted, so later replays are recognised).</summary>
    public static SessionRecord Revoke(SessionRecord session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session with { RevokedAt = now };
    }

    private static IReadOnlyList<string> Retire(SessionRecord session, DateTimeOffset now, AuthOptions options)
    {
        // The old previous token and everything retired before it were issued no later than the last rotation, so
        // each of them expired by RotatedAt + refresh lifetime at the latest. Past that point none can be used any
        // more and the list can be emptied; earlier we cannot tell their ages apart (only hashes are kept).
        if (session.RotatedAt is { } lastRotation && now >= lastRotation + options.RefreshTokenLifetime)
        {
            return [];
        }

        var retired = new List<string>(session.RetiredTokenHashes);
        if (session.PreviousTokenHash is not null)
        {
            retired.Add(session.PreviousTokenHash);
        }

        return retired.Count > MaxRetiredHashes ? retired[^MaxRetiredHashes..] : retired;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
