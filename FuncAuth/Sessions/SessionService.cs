using FuncAuth.Auth;
using FuncAuth.Telemetry;
using FuncAuth.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Sessions;

/// <summary>
/// Refresh-token rotation and logout. Refresh is 2 round trips (point read, ETag-conditional replace); a retry within
/// the grace window 1 (read); a replay 2 (read, revoking merge); a malformed or forged token 0. Logout is 1 (delete)
/// and only for a genuine token or the caller's own session; logout-all is the store's partition query plus batches.
/// </summary>
public sealed class SessionService(
    ISessionStore sessions,
    RefreshTokenCodec refreshTokens,
    AccessTokenService accessTokens,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<SessionService> logger,
    FuncAuthMetrics metrics)
{
    /// <summary>Reads of the session per refresh: the first, plus one after each conditional write lost to another writer.</summary>
    internal const int MaxReads = 3;

    private readonly AuthOptions _options = options.Value;

    /// <summary>Rotates the session of <paramref name="refreshToken"/>, reissues its successor, or refuses it.</summary>
    public async Task<RefreshResult> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        var parse = refreshTokens.TryParse(refreshToken, out var token);
        if (token is null)
        {
            // A made-up token (real ids with random bytes) is refused before any storage call, so it can neither
            // revoke a session nor probe whether one exists.
            return Refused(null, null, parse == RefreshTokenParseResult.Forged ? RefreshFailureReason.Forged : RefreshFailureReason.Malformed);
        }

        var now = time.GetUtcNow();
        for (var read = 1; read <= MaxReads; read++)
        {
            var session = await sessions.GetAsync(token.UserId, token.SessionId, cancellationToken);
            if (session is null)
            {
                return Refused(token.UserId, token.SessionId, RefreshFailureReason.Unknown);
            }

            switch (SessionRotation.Decide(session, token.Generation, now, _options))
            {
                case RotationDecision.Rotate:
                    var rotated = SessionRotation.Rotate(session, now, _options);

                    // The ETag makes this atomic: of concurrent refreshes with one token exactly one write lands. The
                    // others (and a storage-client retry of a write that landed) read again and find the successor
                    // within the grace window, so they answer with the same tokens.
                    if (await sessions.TryReplaceAsync(rotated, cancellationToken))
                    {
                        logger.RefreshRotated(session.UserId, session.SessionId, rotated.Generation);
                        metrics.RecordRefreshRotated();
                        return Issue(rotated);
                    }

                    continue;
                case RotationDecision.ReissueSuccessor:
                    logger.RefreshSuccessorReissued(session.UserId, session.SessionId, session.Generation);
                    metrics.RecordRefreshReissued();
                    return Issue(session);
                case RotationDecision.ReplayDetected:
                    await sessions.RevokeAsync(session.UserId, session.SessionId, now, cancellationToken);
                    logger.RefreshReplayDetected(session.UserId, session.SessionId, token.Generation, session.Generation);
                    metrics.RecordReplayDetected();
                    return new RefreshResult.Failure(RefreshFailureReason.ReplayDetected);
                case RotationDecision.Expired:
                    return Refused(session.UserId, session.SessionId, RefreshFailureReason.Expired);
                case RotationDecision.Revoked:
                    return Refused(session.UserId, session.SessionId, RefreshFailureReason.Revoked);
                default:
                    return Refused(session.UserId, session.SessionId, RefreshFailureReason.Unknown);
            }
        }

        return Refused(token.UserId, token.SessionId, RefreshFailureReason.LostRace);
    }

    /// <summary>
    /// Ends one session: the one a genuine <paramref name="refreshToken"/> names, else the caller's <c>sid</c>, else
    /// nothing (logout is idempotent). A forged token changes nothing. At most one round trip.
    /// </summary>
    public async Task LogoutAsync(string? refreshToken, AuthenticatedUser? caller, CancellationToken cancellationToken)
    {
        // The refresh token is preferred: it works after the access token expired. Its MAC proves it was issued for
        // that session, so no read is needed; ids alone (the sid is in every access token) prove nothing.
        // Stryker disable once Logical : TryParse sets token exactly when it answers Genuine, so both operands are always equal
        var (userId, sessionId) = refreshTokens.TryParse(refreshToken, out var token) == RefreshTokenParseResult.Genuine && token is not null
            ? (token.UserId, token.SessionId)
            : (caller?.UserId, caller?.SessionId);

        // Stryker disable once Logical : both come from one token or one caller, so they are null together or not at all
        if (userId is null || sessionId is null)
        {
            metrics.RecordLogout(LogoutScope.None);
            return;
        }

        await sessions.DeleteAsync(userId, sessionId, cancellationToken);
        logger.LoggedOut(userId, sessionId);
        metrics.RecordLogout(LogoutScope.Session);
    }

    /// <summary>Ends every session of <paramref name="userId"/>; returns how many were deleted.</summary>
    public async Task<int> LogoutAllAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var count = await sessions.DeleteAllAsync(userId, cancellationToken);
        logger.LoggedOutAll(userId, count);
        metrics.RecordLogout(LogoutScope.All, count);
        return count;
    }

    /// <summary>The tokens of the session's current generation: after a rotation, or again within the grace window.</summary>
    private RefreshResult.Success Issue(SessionRecord session)
    {
        var caller = new AuthenticatedUser(session.UserId, session.SessionId);
        var access = accessTokens.Issue(caller);
        var refresh = refreshTokens.Issue(session.UserId, session.SessionId, session.Generation);
        return new RefreshResult.Success(new IssuedTokens(
            caller, session.Email, session.DisplayName, access.Token, access.ExpiresAt, refresh, session.RefreshExpiresAt));
    }

    private RefreshResult.Failure Refused(string? userId, string? sessionId, RefreshFailureReason reason)
    {
        logger.RefreshRefused(userId, sessionId, reason);
        metrics.RecordRefreshRefused(reason);
        return new RefreshResult.Failure(reason);
    }
}
