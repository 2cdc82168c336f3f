namespace FuncAuth.Telemetry;

/// <summary>
/// Every name FuncAuth's own telemetry uses, in one place: dashboards, alerts, docs/observability.md and the tests
/// depend on them, so they change only on purpose. Names follow the OpenTelemetry conventions (lower case, dotted
/// namespaces, counts without a <c>_total</c> suffix, durations in seconds).
/// </summary>
public static class TelemetryNames
{
    /// <summary>The meter of every FuncAuth instrument.</summary>
    public const string Meter = "FuncAuth";

    /// <summary>Activity sources of the Azure SDK (Table Storage calls); emitted only with <see cref="AzureSdkActivitySwitch"/> on.</summary>
    public const string AzureSdkSources = "Azure.*";

    /// <summary>The Functions worker's invocation activities (added by <c>UseFunctionsWorkerDefaults</c>).</summary>
    public const string FunctionsWorkerSource = "Microsoft.Azure.Functions.Worker";

    /// <summary>The <c>AppContext</c> switch that makes Azure.Core emit activities through <c>ActivitySource</c>.</summary>
    public const string AzureSdkActivitySwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>Counter: login attempts, tagged <see cref="Outcome"/> (and <see cref="Reason"/> when failed).</summary>
    public const string Logins = "funcauth.logins";

    /// <summary>Counter: accounts locked by a failed attempt.</summary>
    public const string Lockouts = "funcauth.lockouts";

    /// <summary>Counter: refresh-token uses, tagged <see cref="Outcome"/> (and <see cref="Reason"/> when refused).</summary>
    public const string Refreshes = "funcauth.refreshes";

    /// <summary>Counter: earlier refresh tokens replayed after the grace window (each revokes its session).</summary>
    public const string Replays = "funcauth.refresh_token.replays";

    /// <summary>Counter: sessions revoked, tagged <see cref="Reason"/>.</summary>
    public const string SessionsRevoked = "funcauth.sessions.revoked";

    /// <summary>Counter: logout requests, tagged <see cref="Scope"/>.</summary>
    public const string Logouts = "funcauth.logouts";

    /// <summary>Counter: registrations, tagged <see cref="Outcome"/>.</summary>
    public const string Registrations = "funcauth.registrations";

    /// <summary>Counter: requests the password hashing gate refused, tagged <see cref="Reason"/>.</summary>
    public const string HashingRejections = "funcauth.password_hashing.rejections";

    /// <summary>Histogram (seconds): one HTTP round trip to Table Storage (each retry counts on its own).</summary>
    public const string StorageDuration = "funcauth.storage.request.duration";

    /// <summary>Tag: what happened.</summary>
    public const string Outcome = "outcome";

    /// <summary>Tag: why (a refusal's or a failure's cause).</summary>
    public const string Reason = "reason";

    /// <summary>Tag: what a logout ended.</summary>
    public const string Scope = "scope";

    /// <summary>Tag (OpenTelemetry HTTP convention): the request's method.</summary>
    public const string HttpMethod = "http.request.method";

    /// <summary>Tag (OpenTelemetry HTTP convention): the response's status code; absent when there was no response.</summary>
    public const string HttpStatusCode = "http.response.status_code";

    /// <summary>Tag (OpenTelemetry database convention): the coarse Table operation, never a key.</summary>
    public const string DbOperation = "db.operation.name";

    /// <summary>Tag (OpenTelemetry convention): the exception type when a round trip got no response.</summary>
    public const string ErrorType = "error.type";
}
