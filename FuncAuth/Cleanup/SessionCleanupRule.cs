namespace FuncAuth.Cleanup;

/// <summary>
/// When a session row may be deleted: pure (time passed in), so each boundary is tested exactly. Boundaries follow
/// <c>SessionRotation</c>: at expiry = expired.
/// </summary>
public static class SessionCleanupRule
{
    /// <summary>
    /// True once the session can never be used again and, if it was revoked, its replay horizon has passed too.
    /// Unusable: at or past the refresh expiry (which never exceeds the absolute one; the earlier of the two is used, so
    /// a row written otherwise is still judged as refresh would judge it). Revoked: kept until
    /// <paramref name="revokedAt"/> + <paramref name="revokedRetention"/>, so that a replay of one of its tokens until
    /// then is refused as "revoked", tied to the known theft, rather than "unknown".
    /// </summary>
    public static bool IsDeletable(
        DateTimeOffset refreshExpiresAt,
        DateTimeOffset absoluteExpiresAt,
        DateTimeOffset? revokedAt,
        DateTimeOffset now,
        TimeSpan revokedRetention)
    {
        var unusableFrom = refreshExpiresAt <= absoluteExpiresAt ? refreshExpiresAt : absoluteExpiresAt;
        if (now < unusableFrom)
        {
            return false;
        }

        return revokedAt is not { } revoked || now >= revoked + revokedRetention;
    }
}
