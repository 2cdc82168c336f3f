using FuncAuth.Auth;
using FuncAuth.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Sessions;

/// <summary>
/// Refresh-token rotation and logout. Refresh is 2 round trips (point read, ETag-conditional replace); logout is 1
/// (delete); logout-all is the store's partition query plus batches.
/// </summary>
public sealed class SessionService(
    ISessionStore sessions,
    AccessTokenService accessTokens,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<SessionService> logger)
{
    private readonly AuthOptions _options = options.Value;

    /// <summary>Rotates the session of <paramref name="refreshToken"/> if it is that session's current token.</summary>
    public async Task<RefreshResult> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (!RefreshTokenCodec.TryParse(refreshToken, out var parsed))
        {
            // Garbage costs no storage call.
            return Refused(null, null, RefreshFailureReason.Malformed);
        }

        var session = await sessions.GetAsync(parsed.UserId, parsed.SessionId, cancellationToken);
        if (session is null)
        {
            return Refused(parsed.UserId, parsed.SessionId, RefreshFailureReason.Unknown);
        }

        var now = time.GetUtcNow();
        switch (SessionRotation.Decide(session, parsed.Hash, now, _options))
        {
            case RotationDecision.Rotate:
                return await RotateAsync(session, now, cancellationToken);
            case RotationDecision.ReplayDetected:
                await RevokeAsync(session, now, cancellationToken);
                logger.RefreshReplayDetected(session.UserId, session.SessionId);
                return new RefreshResult.Failure(RefreshFailureReason.ReplayDetected);
            case RotationDecision.Expired:
                return Refused(session.UserId, session.SessionId, RefreshFailureReason.Expired);
            case RotationDecision.Revoked:
                return Refused(session.UserId, session.SessionId, RefreshFailureReason.Revoked);
            case RotationDecision.GraceRefused:
                return Refused(session.UserId, session.SessionId, RefreshFailureReason.GraceRefused);
            default:
                return Refused(session.UserId, session.SessionId, RefreshFailureReason.Unknown);
        }
    }

    /// <summary>
    /// Ends one session: the one named by <paramref name="refreshToken"/> if it parses, else the caller's
    /// <c>sid</c>, else nothing (logout is idempotent). At most one round trip.
    /// </summary>
    public async Task LogoutAsync(string? refreshToken, AuthenticatedUser? caller, CancellationToken cancellationToken)
    {
        // The refresh token is preferred: it works after the access token expired. Deleting by its ids without
        // reading the row to check the hash keeps logout at one round trip; the random 128-bit session id is only
        // known to holders of that session's tokens (refresh token, or the access token's sid), and deleting grants
        // nothing beyond what the sid path already allows.
        var (userId, sessionId) = RefreshTokenCodec.TryParse(refreshToken, out var parsed)
            ? (parsed.UserId, parsed.SessionId)
            : (caller?.UserId, caller?.SessionId);

        if (userId is null || sessionId is null)
        {
            return;
        }

        await sessions.DeleteAsync(userId, sessionId, cancellationToken);
        logger.LoggedOut(userId, sessionId);
    }

    /// <summary>Ends every session of <paramref name="userId"/>; returns how many were deleted.</summary>
    public async Task<int> LogoutAllAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var count = await sessions.DeleteAllAsync(userId, cancellationToken);
        logger.LoggedOutAll(userId, count);
        return count;
    }

    private async Task<RefreshResult> RotateAsync(SessionRecord session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var refresh = RefreshTokenCodec.Create(session.UserId, session.SessionId);
        var rotated = SessionRotation.Rotate(session, refresh.Hash, now, _options);

        // The ETag makes this atomic: of concurrent refreshes with one token exactly one write lands.
        if (!await sessions.TryReplaceAsync(rotated, cancellationToken))
        {
            return Refused(session.UserId, session.SessionId, RefreshFailureReason.LostRace);
        }

        var caller = new AuthenticatedUser(session.UserId, session.SessionId, session.Email, session.DisplayName);
        var access = accessTokens.Issue(caller);
        logger.RefreshRotated(session.UserId, session.SessionId, rotated.Generation);
        return new RefreshResult.Success(
            new IssuedTokens(caller, access.Token, access.ExpiresAt, refresh.Token, rotated.RefreshExpiresAt));
    }

    private async Task RevokeAsync(SessionRecord session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await sessions.TryReplaceAsync(SessionRotation.Revoke(session, now), cancellationToken))
        {
            return;
        }

        // Someone rotated in between (perhaps the thief): revoke whatever is stored now, once.
        var current = await sessions.GetAsync(session.UserId, session.SessionId, cancellationToken);
        if (current is not null && current.RevokedAt is null)
        {
            await sessions.TryReplaceAsync(SessionRotation.Revoke(current, now), cancellationToken);
        }
    }

    private RefreshResult.Failure Refused(string? userId, string? sessionId, RefreshFailureReason reason)
    {
        logger.RefreshRefused(userId, sessionId, reason);
        return new RefreshResult.Failure(reason);
    }
}
