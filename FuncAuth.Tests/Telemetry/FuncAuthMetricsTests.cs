using FuncAuth.Auth;
using FuncAuth.Telemetry;
using FuncAuth.TestSupport.Metrics;

namespace FuncAuth.Tests.Telemetry;

public sealed class FuncAuthMetricsTests : IDisposable
{
    private readonly TestMeterFactory _factory = new();
    private readonly MetricRecorder _recorder = new();
    private readonly FuncAuthMetrics _metrics;

    public FuncAuthMetricsTests() => _metrics = TestMetrics.Create(_factory);

    public void Dispose()
    {
        _recorder.Dispose();
        _factory.Dispose();
    }

    private List<string> Tags(string instrument) => [.. _recorder.Of(_factory, instrument).Select(m => m.TagText)];

    [Theory]
    [InlineData(LoginOutcome.Succeeded, "outcome=succeeded")]
    [InlineData(LoginOutcome.WrongPassword, "outcome=failed,reason=wrong_password")]
    [InlineData(LoginOutcome.UnknownAccount, "outcome=failed,reason=unknown_account")]
    [InlineData(LoginOutcome.Locked, "outcome=locked")]
    [InlineData(LoginOutcome.Contended, "outcome=contended")]
    [InlineData(LoginOutcome.Busy, "outcome=busy")]
    public void RecordLogin_EachOutcome_OneLoginWithItsTags(LoginOutcome outcome, string tags)
    {
        _metrics.RecordLogin(outcome);

        var login = Assert.Single(_recorder.Of(_factory, TelemetryNames.Logins));
        Assert.Equal((1d, tags), (login.Value, login.TagText));
    }

    [Fact]
    public void RecordRefreshRefused_EveryReason_DistinctSnakeCaseReason()
    {
        foreach (var reason in Enum.GetValues<RefreshFailureReason>())
        {
            _metrics.RecordRefreshRefused(reason);
        }

        var reasons = _recorder.Of(_factory, TelemetryNames.Refreshes).Select(m => (string)m.Tags[TelemetryNames.Reason]!).ToList();
        Assert.Equal(Enum.GetValues<RefreshFailureReason>().Length, reasons.Distinct().Count());
        Assert.All(reasons, r => Assert.Matches("^[a-z]+(_[a-z]+)*$", r));
        Assert.DoesNotContain("other", reasons);
        Assert.All(_recorder.Of(_factory, TelemetryNames.Refreshes), m => Assert.Equal("refused", m.Tags[TelemetryNames.Outcome]));
    }

    [Fact]
    public void RecordRefreshRotatedAndReissued_Always_OneRefreshEachWithItsOutcome()
    {
        _metrics.RecordRefreshRotated();
        _metrics.RecordRefreshReissued();

        Assert.Equal(["outcome=rotated", "outcome=reissued"], Tags(TelemetryNames.Refreshes));
    }

    [Fact]
    public void RecordReplayDetected_Always_CountsTheRefusalTheReplayAndTheRevokedSession()
    {
        _metrics.RecordReplayDetected();

        Assert.Equal(["outcome=refused,reason=replay_detected"], Tags(TelemetryNames.Refreshes));
        Assert.Equal([""], Tags(TelemetryNames.Replays));
        Assert.Equal(["reason=replay"], Tags(TelemetryNames.SessionsRevoked));
    }

    [Fact]
    public void RecordLogout_AllWithThreeSessions_OneLogoutAndThreeRevokedSessions()
    {
        _metrics.RecordLogout(LogoutScope.All, 3);

        Assert.Equal(["scope=all"], Tags(TelemetryNames.Logouts));
        var revoked = Assert.Single(_recorder.Of(_factory, TelemetryNames.SessionsRevoked));
        Assert.Equal((3d, "reason=logout_all"), (revoked.Value, revoked.TagText));
    }

    [Theory]
    [InlineData(LogoutScope.Session, "scope=session")]
    [InlineData(LogoutScope.None, "scope=none")]
    [InlineData(LogoutScope.All, "scope=all")]
    public void RecordLogout_NoSessionsCounted_OnlyTheLogout(LogoutScope scope, string tags)
    {
        _metrics.RecordLogout(scope);

        Assert.Equal([tags], Tags(TelemetryNames.Logouts));
        Assert.Empty(Tags(TelemetryNames.SessionsRevoked));
    }

    [Fact]
    public void RecordRegistrationLockoutAndHashingRejection_Always_TheirOwnInstruments()
    {
        _metrics.RecordRegistration(created: true);
        _metrics.RecordRegistration(created: false);
        _metrics.RecordLockout();
        _metrics.RecordHashingRejection(HashingRejection.AdmissionFull);
        _metrics.RecordHashingRejection(HashingRejection.QueueTimeout);

        Assert.Equal(["outcome=created", "outcome=email_taken"], Tags(TelemetryNames.Registrations));
        Assert.Equal([""], Tags(TelemetryNames.Lockouts));
        Assert.Equal(["reason=admission_full", "reason=queue_timeout"], Tags(TelemetryNames.HashingRejections));
    }

    [Fact]
    public void RecordStorageRequest_WithResponse_SecondsWithMethodOperationAndStatus()
    {
        _metrics.RecordStorageRequest(TimeSpan.FromMilliseconds(12.5), new StorageRequestKind("GET", "get_entity"), 200, null);

        var sample = Assert.Single(_recorder.Of(_factory, TelemetryNames.StorageDuration));
        Assert.Equal(0.0125, sample.Value, 6);
        Assert.Equal("db.operation.name=get_entity,http.request.method=GET,http.response.status_code=200", sample.TagText);
    }

    [Fact]
    public void RecordStorageRequest_NoResponse_ErrorTypeInsteadOfStatus()
    {
        _metrics.RecordStorageRequest(TimeSpan.FromSeconds(1.3), new StorageRequestKind("PUT", "replace_entity"), null, "System.Threading.Tasks.TaskCanceledException");

        var sample = Assert.Single(_recorder.Of(_factory, TelemetryNames.StorageDuration));
        Assert.Equal("db.operation.name=replace_entity,error.type=System.Threading.Tasks.TaskCanceledException,http.request.method=PUT", sample.TagText);
    }

    [Fact]
    public void Constructor_Always_EveryInstrumentOnTheFuncAuthMeterWithAUnit()
    {
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        var published = new List<System.Diagnostics.Metrics.Instrument>();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _factory))
            {
                published.Add(instrument);
            }
        };
        listener.Start();

        Assert.Equal(9, published.Count);
        Assert.All(published, i => Assert.Equal(TelemetryNames.Meter, i.Meter.Name));
        Assert.All(published, i => Assert.False(string.IsNullOrEmpty(i.Unit)));
        Assert.All(published, i => Assert.Matches("^funcauth(\\.[a-z_]+)+$", i.Name));
    }
}
