using FuncAuth.Auth;

namespace FuncAuth.Sessions;

/// <summary>
/// The refresh-token family rules, pure (no I/O, time passed in) so every boundary can be tested exactly.
/// Expiry boundaries are "at expiry = expired"; the grace window is [RotatedAt, RotatedAt + grace).
/// Tokens are identified by generation (their MAC was checked before), so storage per session is constant however
/// many times it rotates, and every earlier token stays recognisable as a replay.
/// </summary>
public static class SessionRotation
{
    /// <summary>A session as it starts at login (generation 0).</summary>
    public static SessionRecord Start(
        string userId, string sessionId, string email, string displayName, DateTimeOffset now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var absolute = now + options.SessionLifetime;
        return new SessionRecord(
            userId, sessionId, email, displayName,
            Generation: 0,
            RotatedAt: null,
            CreatedAt: now,
            RefreshExpiresAt: Min(now + options.RefreshTokenLifetime, absolute),
            AbsoluteExpiresAt: absolute,
            RevokedAt: null);
    }

    /// <summary>Classifies a genuine token of <paramref name="generation"/> against <paramref name="session"/> at <paramref name="now"/>.</summary>
    public static RotationDecision Decide(SessionRecord session, int generation, DateTimeOffset now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);

        // A revoked family accepts nothing, whichever of its tokens is shown.
        if (session.RevokedAt is not null)
        {
            return RotationDecision.Revoked;
        }

        // Past the absolute lifetime nothing can be rotated or stolen any more; a replay then changes nothing.
        if (now >= session.AbsoluteExpiresAt || generation > session.Generation)
        {
            return generation > session.Generation ? RotationDecision.Unknown : RotationDecision.Expired;
        }

        if (generation == session.Generation)
        {
            return now >= session.RefreshExpiresAt || session.Generation == int.MaxValue
                ? RotationDecision.Expired
                : RotationDecision.Rotate;
        }

        // The predecessor of the current token, shortly after the rotation: the same client retrying, or a second tab
        // that raced the first. Both get the successor the first request got; after the window only someone holding a
        // stale copy (a thief, or the victim after the thief rotated) would present it.
        if (generation == session.Generation - 1
            && session.RotatedAt is { } rotatedAt
            && now < rotatedAt + options.RefreshReuseGrace)
        {
            return now >= session.RefreshExpiresAt ? RotationDecision.Expired : RotationDecision.ReissueSuccessor;
        }

        return RotationDecision.ReplayDetected;
    }

    /// <summary>
    /// The session after a successful rotation. Keeps the ETag it was read with, so the caller's conditional write
    /// fails if anyone rotated or revoked in between.
    /// </summary>
    public static SessionRecord Rotate(SessionRecord session, DateTimeOffset now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);

        return session with
        {
            Generation = session.Generation + 1,
            RotatedAt = now,
            RefreshExpiresAt = Min(now + options.RefreshTokenLifetime, session.AbsoluteExpiresAt),
        };
    }

    // Stryker disable once Equality : for equal instants both operands are the same value, so < and <= return the same
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
