using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.Telemetry;
using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Users;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Sessions;

/// <summary>
/// The lockout and the timing defence leave their security events (log entry and counter); the count reset after a
/// success survives lost races and storage faults; a verified hash is only replaced when it is weaker.
/// </summary>
public sealed class LoginServiceEventsTests : IDisposable
{
    private const string Email = "alice@example.com";
    private const string Password = "correct horse battery staple";

    private static readonly PasswordService Passwords = TestPasswords.Service();
    private static readonly string PasswordHash = Passwords.HashAsync(Password).GetAwaiter().GetResult();

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeUserStore _users = new();
    private readonly FakeSessionStore _sessions = new();
    private readonly RecordingLogger<LoginService> _logger = new();
    private readonly TestMeterFactory _factory = new();
    private readonly MetricRecorder _recorder = new();
    private readonly LoginService _login;

    public LoginServiceEventsTests() => _login = new LoginService(
        _users, _sessions, Passwords, TestAuth.AccessTokens(_options, _clock), TestAuth.RefreshTokens(_options),
        MsOptions.Create(_options), _clock, _logger, TestMetrics.Create(_factory));

    public void Dispose()
    {
        _recorder.Dispose();
        _factory.Dispose();
    }

    private static string Normalized => EmailAddress.Normalize(Email);

    private UserRecord Stored => _users[Normalized]!;

    private List<string> Tags(string instrument) => [.. _recorder.Of(_factory, instrument).Select(m => m.TagText)];

    private void SeedAlice() => _users.Seed(new UserRecord(
        "0123456789abcdef0123456789abcdef", Email, Normalized, "Alice", PasswordHash, 0, null, TestAuth.Start.AddDays(-1), "registration-1"));

    private Task<LoginResult> Login(string password) => _login.LoginAsync(Email, password, CancellationToken.None);

    [Fact]
    public async Task LoginAsync_UnknownEmail_LogsAndCountsUnknownAccount()
    {
        await Login(Password);

        Assert.Equal([1001], _logger.EventIds);
        Assert.Equal(["outcome=failed,reason=unknown_account"], Tags(TelemetryNames.Logins));
    }

    [Fact]
    public async Task LoginAsync_WrongPassword_LogsTheAttemptNumber()
    {
        SeedAlice();

        await Login("wrong");
        await Login("wrong");

        Assert.Equal([1002, 1002], _logger.EventIds);
        Assert.Contains("attempt 2 since", _logger.Entries[^1].Message, StringComparison.Ordinal);
        Assert.Empty(Tags(TelemetryNames.Lockouts));
    }

    [Fact]
    public async Task LoginAsync_WrongPasswordTakesTheLastSlot_LogsTheLockAndCountsALockout()
    {
        SeedAlice();
        for (var i = 0; i < _options.Lockout.MaxFailedAttempts; i++)
        {
            await Login("wrong");
        }

        Assert.Equal(1003, _logger.EventIds.Last());
        Assert.Single(_recorder.Of(_factory, TelemetryNames.Lockouts));
    }

    [Fact]
    public async Task LoginAsync_WhileLocked_LogsTheRefusalWithItsRetryAfter()
    {
        SeedAlice();
        for (var i = 0; i < _options.Lockout.MaxFailedAttempts; i++)
        {
            await Login("wrong");
        }

        await Login(Password);

        Assert.Equal(1004, _logger.EventIds.Last());
        Assert.Contains($"retry after {(long)_options.Lockout.Duration.TotalSeconds} s", _logger.Entries[^1].Message, StringComparison.Ordinal);
        Assert.Equal("outcome=locked", Tags(TelemetryNames.Logins)[^1]);
    }

    [Fact]
    public async Task LoginAsync_Success_LogsAndCountsSucceeded()
    {
        SeedAlice();

        await Login(Password);

        Assert.Equal([1005], _logger.EventIds);
        Assert.Equal(["outcome=succeeded"], Tags(TelemetryNames.Logins));
    }

    [Fact]
    public async Task LoginAsync_AttemptCannotBeCounted_LogsWhyItWasRefused()
    {
        SeedAlice();
        _users.ConflictsToSimulate = LoginService.MaxWriteAttempts;

        Assert.IsType<LoginResult.LockedOut>(await Login(Password));

        Assert.Equal([1006], _logger.EventIds);
        Assert.Contains("could not be counted", _logger.Entries[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_UserDeletedWhileCounting_RefusedWithoutChecking()
    {
        SeedAlice();
        _users.BeforeUpdate = () => _users.Remove(Normalized);

        var result = Assert.IsType<LoginResult.LockedOut>(await Login(Password));

        Assert.Equal(LoginService.ContendedRetryAfter, result.RetryAfter);
        Assert.Equal((1, 2), (_users.Updates, _users.Reads));
        Assert.Empty(_sessions.All);
    }

    [Fact]
    public async Task LoginAsync_ResetLosesEveryRaceButTheLast_CountStillReset()
    {
        SeedAlice();
        await Login("wrong");
        _users.BeforeUpdate = () =>
        {
            // The count of this login is update 1; its reset loses its first three writes to other instances.
            if (_users.Updates == 3)
            {
                _users.ConflictsToSimulate = LoginService.MaxWriteAttempts - 1;
            }
        };

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal(0, Stored.FailedLoginCount);
        Assert.Equal(2 + LoginService.MaxWriteAttempts, _users.Updates);
    }

    [Fact]
    public async Task LoginAsync_ResetNeverLands_StillSucceedsAndLogsIt()
    {
        SeedAlice();
        _users.BeforeUpdate = () =>
        {
            if (_users.Updates == 2)
            {
                _users.ConflictsToSimulate = LoginService.MaxWriteAttempts;
            }
        };

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal(1 + LoginService.MaxWriteAttempts, _users.Updates);
        Assert.Equal(1, Stored.FailedLoginCount);
        Assert.Contains(_logger.Entries, e => e.EventId == 1006 && e.Message.Contains("not reset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginAsync_UserDeletedBeforeTheReset_StillSucceedsAndStopsTrying()
    {
        SeedAlice();
        _users.BeforeUpdate = () =>
        {
            if (_users.Updates == 2)
            {
                _users.Remove(Normalized);
            }
        };

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal(2, _users.Updates);
        Assert.Contains(_logger.Entries, e => e.EventId == 1006 && e.Message.Contains("not reset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginAsync_StorageUnavailableDuringTheReset_StillSucceedsAndLogsIt()
    {
        SeedAlice();
        _users.BeforeUpdate = () =>
        {
            if (_users.Updates == 2)
            {
                throw new StorageUnavailableException("down");
            }
        };

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Contains(_logger.Entries, e => e.EventId == 1006 && e.Message.Contains("storage unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginAsync_HashAtCurrentCost_KeepsTheStoredHash()
    {
        SeedAlice();

        Assert.IsType<LoginResult.Success>(await Login(Password));

        Assert.Equal(PasswordHash, Stored.PasswordHash);
    }

    [Fact]
    public async Task LoginAsync_NullPassword_ThrowsBeforeAnyStorageCall()
    {
        SeedAlice();

        await Assert.ThrowsAsync<ArgumentNullException>(() => _login.LoginAsync(Email, null!, CancellationToken.None));

        Assert.Equal(0, _users.RoundTrips);
        Assert.Equal(0, Stored.FailedLoginCount);
    }
}
