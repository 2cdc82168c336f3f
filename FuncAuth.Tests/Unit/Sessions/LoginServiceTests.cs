using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Tests.Unit.Fakes;
using FuncAuth.Tests.Unit.Passwords;
using FuncAuth.Tokens;
using FuncAuth.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Unit.Sessions;

public sealed class LoginServiceTests
{
    private const string Email = "Alice@Example.com";
    private const string Password = "correct horse battery";

    // libsodium's cheapest Argon2id cost keeps the many verifications here fast; PasswordServiceTests cover the real parameters.
    private static readonly PasswordService Passwords = TestPasswords.Service();

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeUserStore _users = new();
    private readonly FakeSessionStore _sessions = new();
    private readonly LoginService _login;
    private readonly AccessTokenService _tokens;

    public LoginServiceTests()
    {
        var options = MsOptions.Create(_options);
        _tokens = new AccessTokenService(options, _clock);
        _login = new LoginService(_users, _sessions, Passwords, _tokens, options, _clock, NullLogger<LoginService>.Instance);
    }

    private UserRecord SeedAlice(Func<UserRecord, UserRecord>? change = null)
    {
        var user = new UserRecord("0123456789abcdef0123456789abcdef", Email, EmailAddress.Normalize(Email), "Alice",
            Passwords.HashAsync(Password).GetAwaiter().GetResult(), 0, null, TestAuth.Start.AddDays(-1));
        return _users.Seed(change is null ? user : change(user));
    }

    private UserRecord StoredAlice => _users[EmailAddress.Normalize(Email)]!;

    private Task<LoginResult> Login(string password, string email = Email) => _login.LoginAsync(email, password, CancellationToken.None);

    [Fact]
    public async Task LoginAsync_CorrectPassword_StartsSessionInTwoRoundTrips()
    {
        SeedAlice();

        var result = Assert.IsType<LoginResult.Success>(await Login(Password, "  alice@EXAMPLE.com "));

        Assert.Equal((1, 0), (_users.Reads, _users.Updates));
        Assert.Equal(1, _sessions.Creates);
        Assert.Equal(2, _users.RoundTrips + _sessions.RoundTrips);

        var tokens = result.Tokens;
        var session = Assert.Single(_sessions.All);
        Assert.Equal(session.SessionId, tokens.User.SessionId);
        Assert.Equal(tokens.User, _tokens.Validate(tokens.AccessToken));
        Assert.True(RefreshTokenCodec.TryParse(tokens.RefreshToken, out var parsed));
        Assert.Equal(session.CurrentTokenHash, parsed.Hash);
        Assert.Equal((StoredAlice.UserId, session.SessionId), (parsed.UserId, parsed.SessionId));
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
    public async Task LoginAsync_WrongPassword_InvalidCredentialsAndCountsFailureInOneWrite()
    {
        SeedAlice();

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password"));

        Assert.Equal(1, StoredAlice.FailedLoginCount);
        Assert.Equal((1, 1), (_users.Reads, _users.Updates));
        Assert.Equal(0, _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_FiveFailures_FifthAnswers401AndSixthIsLockedOut()
    {
        SeedAlice();
        for (var i = 1; i < _options.Lockout.MaxFailedAttempts; i++)
        {
            Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password"));
            Assert.Equal(i, StoredAlice.FailedLoginCount);
        }

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password"));
        Assert.Equal(TestAuth.Start + _options.Lockout.Duration, StoredAlice.LockedUntil);
        Assert.Equal(0, StoredAlice.FailedLoginCount);

        _clock.Advance(TimeSpan.FromSeconds(100.5));
        _users.ResetCounts();
        var locked = Assert.IsType<LoginResult.LockedOut>(await Login(Password));

        Assert.Equal(TimeSpan.FromSeconds(800), locked.RetryAfter);
        Assert.Equal((1, 0), (_users.Reads, _users.Updates));
        Assert.Equal(0, _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_OneSecondBeforeLockEnds_LockedOut()
    {
        SeedAlice(u => u with { LockedUntil = TestAuth.Start.AddMinutes(15) });
        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        var locked = Assert.IsType<LoginResult.LockedOut>(await Login(Password));
        Assert.Equal(TimeSpan.FromSeconds(1), locked.RetryAfter);
    }

    [Fact]
    public async Task LoginAsync_AtLockEnd_SucceedsAndClearsLockInOneExtraWrite()
    {
        SeedAlice(u => u with { LockedUntil = TestAuth.Start.AddMinutes(15) });
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Null(StoredAlice.LockedUntil);
        Assert.Equal(3, _users.RoundTrips + _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_SuccessAfterFailures_ResetsCount()
    {
        SeedAlice();
        await Login("wrong password");
        await Login("wrong password");
        _users.ResetCounts();

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal(0, StoredAlice.FailedLoginCount);
        Assert.Equal((1, 1), (_users.Reads, _users.Updates));
        Assert.Equal(1, _sessions.Creates);
    }

    [Fact]
    public async Task LoginAsync_LegacyPbkdf2Hash_RehashesToArgon2idInOneExtraWrite()
    {
        var legacy = new PasswordHasher<UserRecord>(MsOptions.Create(new PasswordHasherOptions { IterationCount = 500 }));
        SeedAlice(u => u with { PasswordHash = legacy.HashPassword(null!, Password) });

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.StartsWith("$argon2id$", StoredAlice.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.Success, await Passwords.VerifyAsync(StoredAlice.PasswordHash, Password));
        Assert.Equal(3, _users.RoundTrips + _sessions.RoundTrips);
    }

    [Fact]
    public async Task LoginAsync_FailureLosesRace_RereadsAndAppliesToLatest()
    {
        SeedAlice(u => u with { FailedLoginCount = 2 });
        _users.ConflictsToSimulate = 1;

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password"));

        Assert.Equal(3, StoredAlice.FailedLoginCount);
        Assert.Equal((2, 2), (_users.Reads, _users.Updates));
    }

    [Fact]
    public async Task LoginAsync_FailureLosesEveryRace_GivesUpAfterThreeWrites()
    {
        SeedAlice();
        _users.ConflictsToSimulate = 10;

        Assert.IsType<LoginResult.InvalidCredentials>(await Login("wrong password"));

        Assert.Equal(3, _users.Updates);
        Assert.Equal(0, StoredAlice.FailedLoginCount);
    }
}
