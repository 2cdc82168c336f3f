using System.Diagnostics;
using System.Diagnostics.Metrics;
using FuncAuth.Auth;

namespace FuncAuth.Telemetry;

/// <summary>
/// FuncAuth's instruments on the <see cref="TelemetryNames.Meter"/> meter. Every tag value is a constant chosen here
/// from an enum or a number, never text from a request: no user id, email, token or key can reach a metric.
/// Recording costs next to nothing while nobody listens (no exporter configured).
/// </summary>
public sealed class FuncAuthMetrics
{
    // Storage latencies are milliseconds; the SDK's default buckets start at 5 ms and would hide them.
    private static readonly double[] StorageBuckets =
        [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 1.3, 2.5];

    private readonly Counter<long> _logins;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _sessionsRevoked;
    private readonly Counter<long> _logouts;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _hashingRejections;
    private readonly Histogram<double> _storageDuration;

    /// <summary>Creates the meter through <paramref name="meterFactory"/> (one per service provider, disposed with it).</summary>
    public FuncAuthMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(TelemetryNames.Meter);
        _logins = meter.CreateCounter<long>(TelemetryNames.Logins, "{login}", "Login attempts by outcome.");
        _lockouts = meter.CreateCounter<long>(TelemetryNames.Lockouts, "{lockout}", "Accounts locked by a failed login.");
        _refreshes = meter.CreateCounter<long>(TelemetryNames.Refreshes, "{refresh}", "Refresh-token uses by outcome.");
        _replays = meter.CreateCounter<long>(TelemetryNames.Replays, "{replay}", "Earlier refresh tokens replayed after the grace window.");
        _sessionsRevoked = meter.CreateCounter<long>(TelemetryNames.SessionsRevoked, "{session}", "Sessions revoked, by reason.");
        _logouts = meter.CreateCounter<long>(TelemetryNames.Logouts, "{logout}", "Logout requests by what they ended.");
        _registrations = meter.CreateCounter<long>(TelemetryNames.Registrations, "{registration}", "Registrations by outcome.");
        _hashingRejections = meter.CreateCounter<long>(TelemetryNames.HashingRejections, "{rejection}", "Requests refused by the password hashing gate.");
        _storageDuration = meter.CreateHistogram(
            TelemetryNames.StorageDuration, "s", "Duration of one HTTP round trip to Table Storage.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StorageBuckets });
    }

    /// <summary>One login attempt ended with <paramref name="outcome"/>.</summary>
    public void RecordLogin(LoginOutcome outcome)
    {
        switch (outcome)
        {
            case LoginOutcome.WrongPassword:
                _logins.Add(1, Tag(TelemetryNames.Outcome, "failed"), Tag(TelemetryNames.Reason, "wrong_password"));
                break;
            case LoginOutcome.UnknownAccount:
                _logins.Add(1, Tag(TelemetryNames.Outcome, "failed"), Tag(TelemetryNames.Reason, "unknown_account"));
                break;
            default:
                _logins.Add(1, Tag(TelemetryNames.Outcome, Name(outcome)));
                break;
        }
    }

    /// <summary>A failed attempt took the last slot and locked its account.</summary>
    public void RecordLockout() => _lockouts.Add(1);

    /// <summary>A refresh token was rotated.</summary>
    public void RecordRefreshRotated() => _refreshes.Add(1, Tag(TelemetryNames.Outcome, "rotated"));

    /// <summary>The just-replaced token came back within the grace window and got the same successor.</summary>
    public void RecordRefreshReissued() => _refreshes.Add(1, Tag(TelemetryNames.Outcome, "reissued"));

    /// <summary>A refresh was refused for <paramref name="reason"/> (a replay: use <see cref="RecordReplayDetected"/>).</summary>
    public void RecordRefreshRefused(RefreshFailureReason reason) =>
        _refreshes.Add(1, Tag(TelemetryNames.Outcome, "refused"), Tag(TelemetryNames.Reason, Name(reason)));

    /// <summary>A replay was detected: the refresh is refused, and its session revoked.</summary>
    public void RecordReplayDetected()
    {
        RecordRefreshRefused(RefreshFailureReason.ReplayDetected);
        _replays.Add(1);
        _sessionsRevoked.Add(1, Tag(TelemetryNames.Reason, "replay"));
    }

    /// <summary>A logout request ended <paramref name="scope"/>; logout-all also counts its <paramref name="sessionsEnded"/>.</summary>
    public void RecordLogout(LogoutScope scope, int sessionsEnded = 0)
    {
        _logouts.Add(1, Tag(TelemetryNames.Scope, Name(scope)));
        if (scope == LogoutScope.All && sessionsEnded > 0)
        {
            _sessionsRevoked.Add(sessionsEnded, Tag(TelemetryNames.Reason, "logout_all"));
        }
    }

    /// <summary>A registration created an account, or found the email taken.</summary>
    public void RecordRegistration(bool created) =>
        _registrations.Add(1, Tag(TelemetryNames.Outcome, created ? "created" : "email_taken"));

    /// <summary>The hashing gate refused a request at <paramref name="rejection"/>.</summary>
    public void RecordHashingRejection(HashingRejection rejection) =>
        _hashingRejections.Add(1, Tag(TelemetryNames.Reason, rejection == HashingRejection.AdmissionFull ? "admission_full" : "queue_timeout"));

    /// <summary>One storage round trip: its method, coarse operation, and status code or (without a response) error type.</summary>
    public void RecordStorageRequest(TimeSpan duration, StorageRequestKind request, int? statusCode, string? errorType)
    {
        var tags = new TagList
        {
            { TelemetryNames.HttpMethod, request.Method },
            { TelemetryNames.DbOperation, request.Operation },
        };
        if (statusCode is { } status)
        {
            tags.Add(TelemetryNames.HttpStatusCode, status);
        }

        if (errorType is not null)
        {
            tags.Add(TelemetryNames.ErrorType, errorType);
        }

        _storageDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>The tag value of <paramref name="reason"/>: snake_case, stable even if the enum member is renamed.</summary>
    internal static string Name(RefreshFailureReason reason) => reason switch
    {
        RefreshFailureReason.Malformed => "malformed",
        RefreshFailureReason.Forged => "forged",
        RefreshFailureReason.Unknown => "unknown",
        RefreshFailureReason.Expired => "expired",
        RefreshFailureReason.Revoked => "revoked",
        RefreshFailureReason.ReplayDetected => "replay_detected",
        RefreshFailureReason.LostRace => "lost_race",
        _ => "other",
    };

    private static string Name(LoginOutcome outcome) => outcome switch
    {
        LoginOutcome.Succeeded => "succeeded",
        LoginOutcome.Locked => "locked",
        LoginOutcome.Contended => "contended",
        LoginOutcome.Busy => "busy",
        _ => "failed",
    };

    private static string Name(LogoutScope scope) => scope switch
    {
        LogoutScope.Session => "session",
        LogoutScope.All => "all",
        _ => "none",
    };

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
