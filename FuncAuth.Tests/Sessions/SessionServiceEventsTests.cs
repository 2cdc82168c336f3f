using FuncAuth.Auth;
using FuncAuth.Sessions;
using FuncAuth.Telemetry;
using FuncAuth.Tests.Fakes;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.Tokens;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.Tests.Sessions;

/// <summary>Every refresh and logout outcome leaves its security event (log entry and counter) for the operator.</summary>
public sealed class SessionServiceEventsTests : IDisposable
{
    private const string UserId = "0123456789abcdef0123456789abcdef";
    private const string SessionId = "fedcba9876543210fedcba9876543210";

    private readonly FakeTimeProvider _clock = TestAuth.Clock();
    private readonly AuthOptions _options = TestAuth.Options();
    private readonly FakeSessionStore _store = new();
    private readonly RefreshTokenCodec _refreshTokens;
    private readonly RecordingLogger<SessionService> _logger = new();
    private readonly TestMeterFactory _factory = new();
    private readonly MetricRecorder _recorder = new();
    private readonly SessionService _service;

    public SessionServiceEventsTests()
    {
        _refreshTokens = TestAuth.RefreshTokens(_options);
        _service = new SessionService(
            _store, _refreshTokens, TestAuth.AccessTokens(_options, _clock), MsOptions.Create(_options), _clock, _logger, TestMetrics.Create(_factory));
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _factory.Dispose();
    }

    private List<string> Tags(string instrument) => [.. _recorder.Of(_factory, instrument).Select(m => m.TagText)];

    private double Sum(string instrument) => _recorder.Of(_factory, instrument).Sum(m => m.Value);

    private string StartSession(string sessionId = SessionId)
    {
        _store.Put(SessionRotation.Start(UserId, sessionId, "alice@example.com", "Alice", _clock.GetUtcNow(), _options));
        return _refreshTokens.Issue(UserId, sessionId, 0);
    }

    [Fact]
    public async Task RefreshAsync_Rotation_LogsAndCountsRotated()
    {
        await _service.RefreshAsync(StartSession(), CancellationToken.None);

        Assert.Equal([1101], _logger.EventIds);
        Assert.Equal(["outcome=rotated"], Tags(TelemetryNames.Refreshes));
    }

    [Fact]
    public async Task RefreshAsync_RetryWithinGrace_LogsAndCountsReissued()
    {
        var first = StartSession();
        await _service.RefreshAsync(first, CancellationToken.None);

        await _service.RefreshAsync(first, CancellationToken.None);

        Assert.Equal([1101, 1104], _logger.EventIds);
        Assert.Equal(["outcome=rotated", "outcome=reissued"], Tags(TelemetryNames.Refreshes));
    }

    [Fact]
    public async Task RefreshAsync_ReplayAfterGrace_LogsWarningAndCountsReplayAndRevocation()
    {
        var first = StartSession();
        await _service.RefreshAsync(first, CancellationToken.None);
        _clock.Advance(_options.RefreshReuseGrace);

        await _service.RefreshAsync(first, CancellationToken.None);

        Assert.Equal([1101, 1102], _logger.EventIds);
        Assert.Contains("generation 0 presented", _logger.Entries[^1].Message, StringComparison.Ordinal);
        Assert.Equal(1, Sum(TelemetryNames.Replays));
        Assert.Equal(["reason=replay"], Tags(TelemetryNames.SessionsRevoked));
    }

    [Fact]
    public async Task RefreshAsync_RevokedSession_LogsAndCountsRefusedRevoked()
    {
        var token = StartSession();
        _store.Put(_store.Find(UserId, SessionId)! with { RevokedAt = _clock.GetUtcNow() });

        await _service.RefreshAsync(token, CancellationToken.None);

        Assert.Equal([1103], _logger.EventIds);
        Assert.Contains("Revoked", _logger.Entries[0].Message, StringComparison.Ordinal);
        Assert.Equal(["outcome=refused,reason=revoked"], Tags(TelemetryNames.Refreshes));
    }

    [Fact]
    public async Task LogoutAsync_GenuineToken_LogsAndCountsOneSession()
    {
        await _service.LogoutAsync(StartSession(), caller: null, CancellationToken.None);

        Assert.Equal([1201], _logger.EventIds);
        Assert.Equal(["scope=session"], Tags(TelemetryNames.Logouts));
    }

    [Fact]
    public async Task LogoutAsync_Nothing_CountsNoneAndLogsNothing()
    {
        await _service.LogoutAsync(null, caller: null, CancellationToken.None);

        Assert.Empty(_logger.EventIds);
        Assert.Equal(["scope=none"], Tags(TelemetryNames.Logouts));
        Assert.Equal(0, _store.RoundTrips);
    }

    [Fact]
    public async Task LogoutAllAsync_TwoSessions_LogsAndCountsBoth()
    {
        StartSession();
        StartSession("11111111111111111111111111111111");

        Assert.Equal(2, await _service.LogoutAllAsync(UserId, CancellationToken.None));

        Assert.Equal([1202], _logger.EventIds);
        Assert.Contains("2 sessions ended", _logger.Entries[0].Message, StringComparison.Ordinal);
        Assert.Equal(["scope=all"], Tags(TelemetryNames.Logouts));
        Assert.Equal(2, Sum(TelemetryNames.SessionsRevoked));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task LogoutAllAsync_NoUserId_ThrowsWithoutStorageCall(string? userId)
    {
        StartSession();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => _service.LogoutAllAsync(userId!, CancellationToken.None));

        Assert.Single(_store.All);
        Assert.Equal(0, _store.DeleteAlls);
    }
}
