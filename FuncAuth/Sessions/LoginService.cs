using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Telemetry;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Sessions;

/// <summary>
/// Password login with a race-free per-account lockout on the user row. Storage round trips: read the user; count the
/// attempt (a conditional write) <em>before</em> the password is checked; on success insert the session and reset the
/// count (in parallel). An unknown email costs 1 (and the same hashing work as a real check).
/// </summary>
public sealed class LoginService(
    IUserStore users,
    ISessionStore sessions,
    PasswordService passwords,
    AccessTokenService accessTokens,
    RefreshTokenCodec refreshTokens,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<LoginService> logger,
    FuncAuthMetrics metrics)
{
    /// <summary>Conditional writes tried per step before giving up (each lost one is re-read first).</summary>
    internal const int MaxWriteAttempts = 4;

    /// <summary>What a caller whose attempt lost every race on a busy account is asked to wait.</summary>
    internal static readonly TimeSpan ContendedRetryAfter = TimeSpan.FromSeconds(1);

    private readonly AuthOptions _options = options.Value;

    /// <summary>Checks the credentials and, when they match, starts a session and issues its tokens.</summary>
    public async Task<LoginResult> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        try
        {
            return await LoginCoreAsync(email, password, cancellationToken);
        }
        catch (PasswordHashingBusyException)
        {
            // At admission or while waiting for a slot: either way this attempt is answered 503.
            metrics.RecordLogin(LoginOutcome.Busy);
            throw;
        }
    }

    private async Task<LoginResult> LoginCoreAsync(string email, string password, CancellationToken cancellationToken)
    {
        // Stryker disable once Statement : EmailAddress.Normalize throws the same ArgumentNullException before any storage call
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);

        // Admission before storage: a saturated instance sheds the request at once (PasswordHashingBusyException → 503),
        // before it costs a read or counts an attempt it could not check.
        using var ticket = passwords.TryAdmit() ?? throw new PasswordHashingBusyException(passwords.RetryAfter);

        var user = await users.FindByEmailAsync(EmailAddress.Normalize(email), cancellationToken);
        if (user is null)
        {
            // Same hashing cost as a wrong password, so response time does not reveal which emails exist.
            await passwords.VerifyDummyAsync(ticket, password, cancellationToken);
            logger.LoginUnknownAccount();
            metrics.RecordLogin(LoginOutcome.UnknownAccount);
            return new LoginResult.InvalidCredentials();
        }

        var now = time.GetUtcNow();
        var counted = await CountAttemptAsync(user, now, cancellationToken);
        if (counted is not LoginAttempt.Counted { User: var reserved })
        {
            return counted is LoginAttempt.Locked locked
                ? new LoginResult.LockedOut(locked.RetryAfter)
                : new LoginResult.LockedOut(ContendedRetryAfter);
        }

        var verification = await passwords.VerifyAsync(ticket, reserved.PasswordHash, password, cancellationToken);
        if (verification == PasswordVerification.Failed)
        {
            // The attempt is already counted; the one that took the last slot has locked the account.
            if (reserved.LockedUntil is { } lockedUntil)
            {
                logger.AccountLocked(reserved.UserId, lockedUntil);
                metrics.RecordLockout();
            }
            else
            {
                logger.LoginFailed(reserved.UserId, reserved.FailedLoginCount);
            }

            metrics.RecordLogin(LoginOutcome.WrongPassword);

            return new LoginResult.InvalidCredentials();
        }

        var newHash = verification == PasswordVerification.SuccessRehashNeeded ? await TryRehashAsync(ticket, password, cancellationToken) : null;
        var session = StartSessionAsync(reserved, now, cancellationToken);
        await Task.WhenAll(session, ResetAsync(reserved, newHash, cancellationToken));
        return new LoginResult.Success(await session);
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

    /// <summary>
    /// Counts one attempt with an ETag-conditional write, re-reading after each lost race. Never lets an attempt through
    /// uncounted: a lock seen on the way refuses it, and an account that keeps changing under it refuses it too.
    /// </summary>
    private async Task<LoginAttempt> CountAttemptAsync(UserRecord user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = user;
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            if (LockoutRules.LockedFor(current, now) is { } retryAfter)
            {
                logger.LoginRefusedLocked(current.UserId, (long)retryAfter.TotalSeconds);
                metrics.RecordLogin(LoginOutcome.Locked);
                return new LoginAttempt.Locked(retryAfter);
            }

            var writeId = RandomIds.NewId();
            var counted = LockoutRules.Count(current, now, _options.Lockout)! with { LoginWriteId = writeId };
            if (await users.TryUpdateLoginStateAsync(counted, cancellationToken) is { } stored)
            {
                return new LoginAttempt.Counted(stored);
            }

            // Read into a local before the null check (not a pattern variable): mutation testing removes statements
            // one at a time, and a pattern variable left unassigned would not compile, hiding this loop from it.
            var reread = await users.FindByEmailAsync(current.NormalizedEmail, cancellationToken);
            if (reread is null)
            {
                break;
            }

            // The write landed but its answer was lost (the client's retry then failed the ETag check): it is counted.
            if (reread.LoginWriteId == writeId)
            {
                return new LoginAttempt.Counted(reread);
            }

            current = reread;
        }

        logger.LoginStateNotUpdated(user.UserId, "the attempt could not be counted; refused without checking the password");
        metrics.RecordLogin(LoginOutcome.Contended);
        return new LoginAttempt.Contended();
    }

    /// <summary>Resets the count after a verified password; a failure here is logged, not the caller's problem.</summary>
    private async Task ResetAsync(UserRecord user, string? newHash, CancellationToken cancellationToken)
    {
        var current = user;
        try
        {
            for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
            {
                var writeId = RandomIds.NewId();
                if (await users.TryUpdateLoginStateAsync(LockoutRules.Reset(current, newHash) with { LoginWriteId = writeId }, cancellationToken) is not null)
                {
                    return;
                }

                var reread = await users.FindByEmailAsync(current.NormalizedEmail, cancellationToken);
                if (reread is null)
                {
                    break;
                }

                if (reread.LoginWriteId == writeId)
                {
                    return;
                }

                current = reread;
            }

            logger.LoginStateNotUpdated(user.UserId, "the count was not reset after a successful login");
        }
        catch (Storage.StorageUnavailableException)
        {
            logger.LoginStateNotUpdated(user.UserId, "storage unavailable while resetting the count after a successful login");
        }
    }

    private async Task<IssuedTokens> StartSessionAsync(UserRecord user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessionId = RandomIds.NewId();
        var session = SessionRotation.Start(user.UserId, sessionId, user.Email, user.DisplayName, now, _options);
        await sessions.CreateAsync(session, cancellationToken);

        var caller = new AuthenticatedUser(user.UserId, sessionId);
        var access = accessTokens.Issue(caller);
        var refresh = refreshTokens.Issue(user.UserId, sessionId, session.Generation);
        logger.LoginSucceeded(user.UserId, sessionId);
        metrics.RecordLogin(LoginOutcome.Succeeded);
        return new IssuedTokens(caller, user.Email, user.DisplayName, access.Token, access.ExpiresAt, refresh, session.RefreshExpiresAt);
    }
}
