using System.Net;
using FuncAuth.Telemetry;
using FuncAuth.TestSupport.Metrics;

namespace FuncAuth.IntegrationTests.Functions;

/// <summary>What FuncAuth's logs, traces and metrics carry through a full flow, and what they must never carry.</summary>
public sealed class TelemetryNoSecretsTests(TelemetryFlow flow) : IClassFixture<TelemetryFlow>
{
    [Fact]
    public void TheFlowRanEveryStepWithTheExpectedAnswers()
    {
        Assert.Equal(
            [
                ("register", HttpStatusCode.Created), ("login with cookies", HttpStatusCode.OK), ("login with tokens", HttpStatusCode.OK),
                ("refresh", HttpStatusCode.OK), ("replay", HttpStatusCode.Unauthorized), ("forged refresh token", HttpStatusCode.Unauthorized),
                ("forged access token", HttpStatusCode.Unauthorized), ("logout", HttpStatusCode.NoContent), ("logout-all", HttpStatusCode.NoContent),
                ("wrong password", HttpStatusCode.Unauthorized), ("unknown email", HttpStatusCode.Unauthorized),
            ],
            flow.Statuses);
    }

    [Fact]
    public void NoTokenCookiePasswordHashKeyOrEmailAppearsInAnyLogActivityOrMetric()
    {
        var captured = flow.CapturedStrings().ToList();
        Assert.True(captured.Count > 200, $"only {captured.Count} strings captured");

        var leaks = captured
            .SelectMany(c => flow.Secrets.Where(s => c.Text.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{s.Key} in {c.Where}"))
            .Concat(captured.SelectMany(c => flow.Emails.Where(e => c.Text.Contains(e, StringComparison.OrdinalIgnoreCase)).Select(_ => $"an email in {c.Where}")))
            .Distinct()
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void TheHashOfTheEmailIsStrippedFromStorageSpansBeforeExport()
    {
        var raw = flow.Activities.Activities.Where(a => !a.Exported).ToList();
        var exported = flow.Activities.Activities.Where(a => a.Exported).ToList();

        // The SDK's spans do carry the users-table key (so the redaction is tested against the real thing)...
        Assert.Contains(raw, a => a.Strings.Any(s => s.Contains(flow.EmailHash, StringComparison.OrdinalIgnoreCase)));
        // ...and nothing exported, logged or measured does.
        Assert.DoesNotContain(exported, a => a.Strings.Any(s => s.Contains(flow.EmailHash, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(flow.Logs.Entries, e => e.Strings.Any(s => s.Contains(flow.EmailHash, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(flow.Metrics.All, m => m.TagText.Contains(flow.EmailHash, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EverySecurityEventOfTheFlowIsMeasuredOnceWithItsOutcome()
    {
        Assert.Equal(
            ["outcome=failed,reason=unknown_account", "outcome=failed,reason=wrong_password", "outcome=succeeded", "outcome=succeeded"],
            Tags(TelemetryNames.Logins));
        Assert.Equal(
            ["outcome=refused,reason=forged", "outcome=refused,reason=replay_detected", "outcome=rotated"],
            Tags(TelemetryNames.Refreshes));
        Assert.Equal([""], Tags(TelemetryNames.Replays));
        Assert.Equal(["reason=logout_all", "reason=replay"], Tags(TelemetryNames.SessionsRevoked));
        Assert.Equal(2, Measurements(TelemetryNames.SessionsRevoked).Sum(m => m.Value));
        Assert.Equal(["scope=all", "scope=session"], Tags(TelemetryNames.Logouts));
        Assert.Equal(["outcome=created"], Tags(TelemetryNames.Registrations));
        Assert.Empty(Tags(TelemetryNames.Lockouts));
        Assert.Empty(Tags(TelemetryNames.HashingRejections));
    }

    [Fact]
    public void EveryStorageRoundTripIsTimedAndTaggedWithMethodOperationAndStatusOnly()
    {
        var timed = Measurements(TelemetryNames.StorageDuration);

        Assert.Equal(flow.Host.StorageCalls.Count, timed.Count);
        Assert.All(timed, m => Assert.Subset(
            new HashSet<string> { TelemetryNames.HttpMethod, TelemetryNames.DbOperation, TelemetryNames.HttpStatusCode },
            m.Tags.Keys.ToHashSet()));
        Assert.All(timed, m => Assert.DoesNotContain("other", m.Tags[TelemetryNames.DbOperation] as string));
        var operations = timed.Select(m => $"{m.Tags[TelemetryNames.HttpMethod]} {m.Tags[TelemetryNames.DbOperation]}").ToHashSet();
        Assert.Superset(new HashSet<string> { "GET get_entity", "POST insert_entity", "DELETE delete_entity" }, operations);
    }

    [Fact]
    public void StorageCallsAppearAsAzureSdkSpansInsideTheFlowsTrace()
    {
        var azure = flow.Activities.Activities.Where(a => !a.Exported && a.Source.StartsWith("Azure.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(azure);
        Assert.Contains(azure, a => a.Source == "Azure.Data.Tables.TableClient");
    }

    private IReadOnlyList<RecordedMeasurement> Measurements(string instrument) => flow.Metrics.Of(flow.MeterFactory, instrument);

    private List<string> Tags(string instrument) => [.. Measurements(instrument).Select(m => m.TagText).Order(StringComparer.Ordinal)];
}
