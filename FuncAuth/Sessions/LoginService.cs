using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Sessions;

/// <summary>
/// Password login with per-account lockout stored on the user row. Storage round trips: 1 read, +1 conditional write
/// on a wrong password (or on a success that resets a failure count or rehashes), +1 session write on success.
/// </summary>
public sealed class LoginService(
    IUserStore users,
    ISessionStore sessions,
    PasswordService passwords,
    AccessTokenService accessTokens,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<LoginService> logger)
{
    /// <summary>How many times a lost ETag race on the user row is re-read and re-applied.</summary>
    internal const int MaxWriteAttempts = 3;

    private readonly AuthOptions _options = options.Value;

    /// <summary>Checks the credentials and, when they match, starts a session and issues its tokens.</summary>
    public async Task<LoginResult> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);

        // Admission before storage: a saturated instance sheds the request at once (PasswordHashingBusyException → 503).
        using var ticket = passwords.TryAdmit() ?? throw new PasswordHashingBusyException(passwords.RetryAfter);

        var user = await users.FindByEmailAsync(EmailAddress.Normalize(email), cancellationToken);
        if (user is null)
        {
            // Same Argon2id cost as a wrong password, so response time does not reveal which emails exist.
            await passwords.VerifyDummyAsync(ticket, password, cancellationToken);
            logger.LoginUnknownAccount();
            return new LoginResult.InvalidCredentials();
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            // Not even a correct password gets in while locked, so the password is not checked (no oracle, no cost).
            var retryAfter = TimeSpan.FromSeconds(Math.Ceiling((lockedUntil - now).TotalSeconds));
            logger.LoginRefusedLocked(user.UserId, (long)retryAfter.TotalSeconds);
            return new LoginResult.LockedOut(retryAfter);
        }

        var verification = await passwords.VerifyAsync(ticket, user.PasswordHash, password, cancellationToken);
        if (verification == PasswordVerification.Failed)
        {
            await RecordFailureAsync(user, now, cancellationToken);

            // The failure that reaches the threshold still answers 401 like the ones before it; the lock shows from
            // the next attempt on (429 with Retry-After). Every wrong password therefore gets the same answer.
            return new LoginResult.InvalidCredentials();
        }

        if (user.FailedLoginCount > 0 || user.LockedUntil is not null || verification == PasswordVerification.SuccessRehashNeeded)
        {
            var newHash = verification == PasswordVerification.SuccessRehashNeeded ? await TryRehashAsync(ticket, password, cancellationToken) : null;
            user = await UpdateWithRetryAsync(user, u => u with
            {
                FailedLoginCount = 0,
                LockedUntil = null,
                PasswordHash = newHash ?? u.PasswordHash,
            }, cancellationToken) ?? user;
        }

        return new LoginResult.Success(await StartSessionAsync(user, now, cancellationToken));
    }

    // The password is already proven: when no hashing slot frees up, the rehash waits for the next login instead of failing this one.
    private async Task<string?> TryRehashAsync(HashingTicket ticket, string password, CancellationToken cancellationToken)
    {
        try
        {
            return await passwords.HashAsync(ticket, password, cancellationToken);
        }
        catch (PasswordHashingBusyException)
        {
            return null;
        }
    }

    private async Task RecordFailureAsync(UserRecord user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await UpdateWithRetryAsync(user, u =>
        {
            // Another instance may have locked the account since we read it: the lock already holds, nothing to count.
            if (u.LockedUntil is { } until && until > now)
            {
                return null;
            }

            var count = u.FailedLoginCount + 1;
            return count >= _options.Lockout.MaxFailedAttempts
                ? u with { FailedLoginCount = 0, LockedUntil = now + _options.Lockout.Duration }
                : u with { FailedLoginCount = count, LockedUntil = null };
        }, cancellationToken);

        if (stored?.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            logger.AccountLocked(stored.UserId, lockedUntil);
        }
        else
        {
            logger.LoginFailed(user.UserId, stored?.FailedLoginCount ?? user.FailedLoginCount + 1);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> with an ETag-conditional write; on a lost race re-reads and re-applies, at
    /// most <see cref="MaxWriteAttempts"/> writes. <paramref name="change"/> returns null when no write is needed.
    /// Returns the stored record, or null when nothing was written.
    /// </summary>
    private async Task<UserRecord?> UpdateWithRetryAsync(
        UserRecord user, Func<UserRecord, UserRecord?> change, CancellationToken cancellationToken)
    {
        var current = user;
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var changed = change(current);
            if (changed is null)
            {
                return null;
            }

            var stored = await users.TryUpdateLoginStateAsync(changed, cancellationToken);
            if (stored is not null)
            {
                return stored;
            }

            if (attempt == MaxWriteAttempts)
            {
                break;
            }

            var reread = await users.FindByEmailAsync(current.NormalizedEmail, cancellationToken);
            if (reread is null)
            {
                logger.LoginStateNotUpdated(user.UserId, "user no longer exists");
                return null;
            }

            current = reread;
        }

        logger.LoginStateNotUpdated(user.UserId, "lost every conditional write");
        return null;
    }

    private async Task<IssuedTokens> StartSessionAsync(UserRecord user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessionId = RandomIds.NewId();
        var refresh = RefreshTokenCodec.Create(user.UserId, sessionId);
        var session = SessionRotation.Start(user.UserId, sessionId, user.Email, user.DisplayName, refresh.Hash, now, _options);
        await sessions.CreateAsync(session, cancellationToken);

        var caller = new AuthenticatedUser(user.UserId, sessionId, user.Email, user.DisplayName);
        var access = accessTokens.Issue(caller);
        logger.LoginSucceeded(user.UserId, sessionId);
        return new IssuedTokens(caller, access.Token, access.ExpiresAt, refresh.Token, session.RefreshExpiresAt);
    }
}
