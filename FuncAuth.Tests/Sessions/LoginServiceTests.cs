using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Tests.Fakes;
using FuncAuth.Tests.Passwords;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Sessions;

public sealed class LoginServiceTests
{
    private const string Email = "Alice@Example.com";
    private const string Password = "correct horse battery staple";

    // libsodium's cheapest Argon2id cost keeps the many verifications here fast; PasswordServiceTests cover the real parameters.
    private static readonly PasswordService Passwords = TestPasswords.Service();

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeUserStore _users = new();
    private readonly FakeSessionStore _sessions = new();
    private readonly AccessTokenService _accessTokens;
    private readonly RefreshTokenCodec _refreshTokens;
    private readonly LoginService _login;

    public LoginServiceTests()
    {
        _accessTokens = TestAuth.AccessTokens(_options, _clock);
        _refreshTokens = TestAuth.RefreshTokens(_options);
        _login = Service(Passwords);
    }

    private LoginService Service(PasswordService passwords) => new(
        _users, _sessions, passwords, _accessTokens, _refreshTokens, MsOptions.Create(_options), _clock, NullLogger<LoginService>.Instance, TestMetrics.Create());

    private int MaxAttempts => _options.Lockout.MaxFailedAttempts;

    private UserRecord SeedAlice(Func<UserRecord, UserRecord>? change = null)
    {
        var user = new UserRecord("0123456789abcdef0123456789abcdef", Email, EmailAddress.Normalize(Email), "Alice",
            Passwords.HashAsync(Password).GetAwaiter().GetResult(), 0, null, TestAuth.Start.AddDays(-1), "registration-1");
        return _users.Seed(change is null ? user : change(user));
    }

    private UserRecord StoredAlice => _users[EmailAddress.Normalize(Email)]!;

    private Task<LoginResult> Login(string password, string email = Email) => _login.LoginAsync(email, password, CancellationToken.None);

    [Fact]
    public async Task LoginAsync_CorrectPassword_CountsAttemptThenStartsSessionAndResetsCount()
    {
        SeedAlice();

        var result = Assert.IsType<LoginResult.Success>(await Login(Password, "  alice@EXAMPLE.com "));

        // Read, count the attempt before hashing, then insert the session and reset the count (in parallel).
        Assert.Equal((1, 2), (_users.Reads, _users.Updates));
        Assert.Equal(1, _sessions.Creates);
        Assert.Equal(4, _users.RoundTrips + _sessions.RoundTrips);
        Assert.Equal((0, null), (StoredAlice.FailedLoginCount, StoredAlice.LockedUntil));

        var tokens = result.Tokens;
        var session = Assert.Single(_sessions.All);
        Assert.Equal(new AuthenticatedUser(StoredAlice.UserId, session.SessionId), tokens.User);
        Assert.Equal(tokens.User, _accessTokens.Validate(tokens.AccessToken));
        Assert.Equal(RefreshTokenParseResult.Genuine, _refreshTokens.TryParse(tokens.RefreshToken, out var parsed));
        Assert.Equal(new ParsedRefreshToken(StoredAlice.UserId, session.SessionId, 0), parsed);
        Assert.Equal((Email, "Alice"), (tokens.Email, tokens.DisplayName));
        Assert.Equal((Email, "Alice"), (session.Email, session.DisplayName));
        Assert.Equal(TestAuth.Start + _options.RefreshTokenLifetime, tokens.RefreshTokenExpiresAt);
        Assert.Equal(TestAuth.Start + _options.SessionLifetime, session.AbsoluteExpiresAt);
        Assert.Equal(TestAuth.Start + _options.AccessTokenLifetime, tokens.AccessTokenExpiresAt);
        Assert.Matches("^[0-9a-f]{32}$", session.SessionId);
    }

    [Fact]
    public async Task LoginAsync_TwoLogins_CreateTwoSessions()
    {
        SeedAlice();

        await Login(Password);
        await Login(Password);

        Assert.Equal(2, _sessions.All.Select(s => s.SessionId).Distinct().Count());
    }

    [Fact]
    public async Task LoginAsync_UnknownEmail_InvalidCredentialsWithOneReadAndNoWrite()
    {
        SeedAlice();

        Assert.IsType<LoginResult.InvalidCredentials>(await Login(Password, "bob@example.com"));

        Assert.Equal(1, _users.Reads);
        Assert.Equal(1, _users.RoundTrips + _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_WrongPassword_InvalidCredentialsCountedBeforeTheCheckInOneWrite()
    {
        SeedAlice();

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password, but long"));

        Assert.Equal(1, StoredAlice.FailedLoginCount);
        Assert.Equal((1, 1), (_users.Reads, _users.Updates));
        Assert.Equal(0, _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_FiveFailures_FifthAnswers401AndLocksSixthIsRefusedUnchecked()
    {
        SeedAlice();
        for (var i = 1; i < MaxAttempts; i++)
        {
            Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password, but long"));
            Assert.Equal((i, null), (StoredAlice.FailedLoginCount, StoredAlice.LockedUntil));
        }

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password, but long"));
        Assert.Equal(TestAuth.Start + _options.Lockout.Duration, StoredAlice.LockedUntil);

        _clock.Advance(TimeSpan.FromSeconds(100.5));
        _users.ResetCounts();
        var locked = Assert.IsType<LoginResult.LockedOut>(await Login(Password));

        Assert.Equal(TimeSpan.FromSeconds(800), locked.RetryAfter);
        Assert.Equal((1, 0), (_users.Reads, _users.Updates));
        Assert.Equal(0, _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_CorrectPasswordTakesTheLastSlot_SucceedsAndClearsTheLock()
    {
        SeedAlice(u => u with { FailedLoginCount = MaxAttempts - 1 });

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal((0, null), (StoredAlice.FailedLoginCount, StoredAlice.LockedUntil));
    }

    [Fact]
    public async Task LoginAsync_OneSecondBeforeLockEnds_LockedOut()
    {
        SeedAlice(u => u with { FailedLoginCount = MaxAttempts, LockedUntil = TestAuth.Start.AddMinutes(15) });
        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        var locked = Assert.IsType<LoginResult.LockedOut>(await Login(Password));
        Assert.Equal(TimeSpan.FromSeconds(1), locked.RetryAfter);
    }

    [Fact]
    public async Task LoginAsync_AtLockEnd_SucceedsAndClearsLock()
    {
        SeedAlice(u => u with { FailedLoginCount = MaxAttempts, LockedUntil = TestAuth.Start.AddMinutes(15) });
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal((0, null), (StoredAlice.FailedLoginCount, StoredAlice.LockedUntil));
    }

    [Fact]
    public async Task LoginAsync_WrongPasswordAfterLockEnded_CountStartsAfresh()
    {
        SeedAlice(u => u with { FailedLoginCount = MaxAttempts, LockedUntil = TestAuth.Start.AddMinutes(15) });
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password, but long"));

        Assert.Equal((1, null), (StoredAlice.FailedLoginCount, StoredAlice.LockedUntil));
    }

    [Fact]
    public async Task LoginAsync_SuccessAfterFailures_ResetsCount()
    {
        SeedAlice();
        await Login("wrong password, but long");
        await Login("wrong password, but long");

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal(0, StoredAlice.FailedLoginCount);
    }

    [Fact]
    public async Task LoginAsync_LegacyPbkdf2Hash_RehashedToArgon2idInTheResetWrite()
    {
        var legacy = new PasswordHasher<UserRecord>(MsOptions.Create(new PasswordHasherOptions { IterationCount = 500 }));
        SeedAlice(u => u with { PasswordHash = legacy.HashPassword(null!, Password) });

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.StartsWith("$argon2id$", StoredAlice.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.Success, await Passwords.VerifyAsync(StoredAlice.PasswordHash, Password));
        Assert.Equal(2, _users.Updates);
    }

    [Fact]
    public async Task LoginAsync_GateFull_RefusedBusyBeforeAnyStorageCall()
    {
        SeedAlice();
        var options = TestPasswords.Options(o => { o.MaxConcurrentHashes = 1; o.HashQueueLength = 0; });
        var passwords = TestPasswords.Service(options);
        using var held = passwords.Admit();
        _users.ResetCounts();

        await Assert.ThrowsAsync<PasswordHashingBusyException>(() => Service(passwords).LoginAsync(Email, Password, CancellationToken.None));

        Assert.Equal(0, _users.RoundTrips + _sessions.RoundTrips);
        Assert.Equal(0, StoredAlice.FailedLoginCount);
    }

    [Fact]
    public async Task LoginAsync_UnknownEmail_DoesTheHashingWorkOfARealCheck()
    {
        // The timing defence, observed without a clock: an unknown email occupies a hashing slot like a real check, so
        // with the only slot held by someone else it waits for it (and times out) instead of answering at once.
        var options = TestPasswords.Options(o => { o.MaxConcurrentHashes = 1; o.HashQueueLength = 1; o.HashQueueTimeout = TimeSpan.FromMilliseconds(50); });
        var passwords = TestPasswords.Service(options);
        using var slot = new SlotHolder(passwords);

        await Assert.ThrowsAsync<PasswordHashingBusyException>(() => Service(passwords).LoginAsync("nobody@example.com", Password, CancellationToken.None));
    }

    [Fact]
    public async Task LoginAsync_CountLosesOneRace_RereadsAndCountsOnTheLatest()
    {
        SeedAlice(u => u with { FailedLoginCount = 2 });
        _users.ConflictsToSimulate = 1;

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password, but long"));

        Assert.Equal(3, StoredAlice.FailedLoginCount);
        Assert.Equal((2, 2), (_users.Reads, _users.Updates));
    }

    [Fact]
    public async Task LoginAsync_CountLandedButItsAnswerWasLost_CountedOnceNotTwice()
    {
        SeedAlice(u => u with { FailedLoginCount = 1 });
        _users.UpdateAnswersToLose = 1;

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password, but long"));

        Assert.Equal(2, StoredAlice.FailedLoginCount);
    }

    [Fact]
    public async Task LoginAsync_ResetLandedButItsAnswerWasLost_NotRetried()
    {
        SeedAlice(u => u with { FailedLoginCount = 2 });
        // Lose the answer of the second update (the reset), not the first (the count).
        _users.BeforeUpdate = () => _users.BeforeUpdate = () => _users.UpdateAnswersToLose = 1;

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal((0, 2), (StoredAlice.FailedLoginCount, _users.Updates));
    }

    [Fact]
    public async Task LoginAsync_AttemptCannotBeCounted_RefusedWithoutCheckingEvenTheRightPassword()
    {
        SeedAlice();
        _users.ConflictsToSimulate = 100;

        var refused = Assert.IsType<LoginResult.LockedOut>(await Login(Password));

        Assert.Equal(LoginService.ContendedRetryAfter, refused.RetryAfter);
        Assert.Equal(LoginService.MaxWriteAttempts, _users.Updates);
        Assert.Equal(0, _sessions.RoundTrips);
        Assert.Equal(0, StoredAlice.FailedLoginCount);
    }

    [Fact]
    public async Task LoginAsync_LockSetByAnotherInstanceWhileCounting_RefusedWithoutChecking()
    {
        SeedAlice();
        _users.BeforeUpdate = () =>
        {
            _users.BeforeUpdate = null;
            _users.Seed(StoredAlice with { FailedLoginCount = MaxAttempts, LockedUntil = TestAuth.Start.AddMinutes(15) });
        };

        Assert.IsType<LoginResult.LockedOut>(await Login(Password));

        Assert.Equal(0, _sessions.RoundTrips);
    }
}
