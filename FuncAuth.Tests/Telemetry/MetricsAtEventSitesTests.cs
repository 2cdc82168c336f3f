using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Telemetry;
using FuncAuth.Tests.Fakes;
using FuncAuth.Tests.Passwords;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Users;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Telemetry;

/// <summary>The events the function-level flow does not reach (locks, contention, overload), measured where they happen.</summary>
public sealed class MetricsAtEventSitesTests : IDisposable
{
    private const string Email = "alice@example.com";
    private const string Password = "correct horse battery staple";

    private static readonly PasswordService Passwords = TestPasswords.Service();

    private readonly TestMeterFactory _factory = new();
    private readonly MetricRecorder _recorder = new();
    private readonly FuncAuthMetrics _metrics;
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeUserStore _users = new();

    public MetricsAtEventSitesTests() => _metrics = TestMetrics.Create(_factory);

    public void Dispose()
    {
        _recorder.Dispose();
        _factory.Dispose();
    }

    private LoginService Login(PasswordService? passwords = null)
    {
        var clock = TestAuth.Clock();
        return new LoginService(_users, new FakeSessionStore(), passwords ?? Passwords, TestAuth.AccessTokens(_options, clock),
            TestAuth.RefreshTokens(_options), MsOptions.Create(_options), clock, NullLogger<LoginService>.Instance, _metrics);
    }

    private void SeedAlice() => _users.Seed(new UserRecord("0123456789abcdef0123456789abcdef", Email, EmailAddress.Normalize(Email), "Alice",
        Passwords.HashAsync(Password).GetAwaiter().GetResult(), 0, null, TestAuth.Start.AddDays(-1), "registration-1"));

    private List<string> Tags(string instrument) => [.. _recorder.Of(_factory, instrument).Select(m => m.TagText)];

    [Fact]
    public async Task LoginAsync_FailuresUpToTheLimitThenOneMore_FailedEachLockoutOnceThenLocked()
    {
        SeedAlice();
        var login = Login();

        for (var i = 0; i <= _options.Lockout.MaxFailedAttempts; i++)
        {
            await login.LoginAsync(Email, "wrong password, but long", CancellationToken.None);
        }

        var failed = Enumerable.Repeat("outcome=failed,reason=wrong_password", _options.Lockout.MaxFailedAttempts);
        Assert.Equal([.. failed, "outcome=locked"], Tags(TelemetryNames.Logins));
        Assert.Equal([""], Tags(TelemetryNames.Lockouts));
    }

    [Fact]
    public async Task LoginAsync_AttemptCannotBeCounted_Contended()
    {
        SeedAlice();
        _users.ConflictsToSimulate = 100;

        await Login().LoginAsync(Email, Password, CancellationToken.None);

        Assert.Equal(["outcome=contended"], Tags(TelemetryNames.Logins));
    }

    [Fact]
    public async Task LoginAsync_GateFull_BusyLoginAndAdmissionRejection()
    {
        SeedAlice();
        var options = TestPasswords.Options(o => { o.MaxConcurrentHashes = 1; o.HashQueueLength = 0; });
        var passwords = TestPasswords.Service(options, TestPasswords.Gate(options, metrics: _metrics));
        using var held = passwords.Admit();

        await Assert.ThrowsAsync<PasswordHashingBusyException>(() => Login(passwords).LoginAsync(Email, Password, CancellationToken.None));

        Assert.Equal(["outcome=busy"], Tags(TelemetryNames.Logins));
        Assert.Equal(["reason=admission_full"], Tags(TelemetryNames.HashingRejections));
    }

    [Fact]
    public async Task LoginAsync_NoSlotWithinTheQueueTimeout_BusyLoginAndQueueTimeoutRejection()
    {
        var options = TestPasswords.Options(o => { o.MaxConcurrentHashes = 1; o.HashQueueLength = 1; o.HashQueueTimeout = TimeSpan.FromMilliseconds(50); });
        var passwords = TestPasswords.Service(options, TestPasswords.Gate(options, metrics: _metrics));
        using var slot = new SlotHolder(passwords);

        await Assert.ThrowsAsync<PasswordHashingBusyException>(() => Login(passwords).LoginAsync("nobody@example.com", Password, CancellationToken.None));

        Assert.Equal(["outcome=busy"], Tags(TelemetryNames.Logins));
        Assert.Equal(["reason=queue_timeout"], Tags(TelemetryNames.HashingRejections));
    }

    [Fact]
    public async Task RegisterAsync_SameEmailTwice_CreatedThenEmailTaken()
    {
        var registration = new RegistrationService(_users, Passwords, TestPasswords.Policy(), TestAuth.Clock(), NullLogger<RegistrationService>.Instance, _metrics);

        await registration.RegisterAsync(Email, Password, null, CancellationToken.None);
        await registration.RegisterAsync(Email, Password, null, CancellationToken.None);

        Assert.Equal(["outcome=created", "outcome=email_taken"], Tags(TelemetryNames.Registrations));
    }

    [Fact]
    public async Task RefreshAsync_ReplacedTokenWithinGrace_RotatedThenReissued()
    {
        var clock = TestAuth.Clock();
        var store = new FakeSessionStore();
        var refreshTokens = TestAuth.RefreshTokens(_options);
        var sessions = new SessionService(store, refreshTokens, TestAuth.AccessTokens(_options, clock), MsOptions.Create(_options), clock,
            NullLogger<SessionService>.Instance, _metrics);
        store.Put(SessionRotation.Start("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", Email, "Alice", clock.GetUtcNow(), _options));
        var first = refreshTokens.Issue("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", 0);

        await sessions.RefreshAsync(first, CancellationToken.None);
        clock.Advance(_options.RefreshReuseGrace - TimeSpan.FromSeconds(1));
        await sessions.RefreshAsync(first, CancellationToken.None);
        await sessions.LogoutAsync(null, null, CancellationToken.None);

        Assert.Equal(["outcome=rotated", "outcome=reissued"], Tags(TelemetryNames.Refreshes));
        Assert.Equal(["scope=none"], Tags(TelemetryNames.Logouts));
    }
}
