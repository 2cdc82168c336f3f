using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using FuncAuth.Telemetry;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.Metrics;
using FuncAuth.TestSupport.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FuncAuth.IntegrationTests.Functions;

/// <summary>
/// One full flow through the function harness (register, login with cookies and with tokens, a rotation, a replay
/// that revokes, a forged refresh token and a forged JWT, logout, logout-all, a wrong password, an unknown email)
/// while every log entry, every activity of the flow's trace and every metric measurement is captured; and every
/// secret value the flow handled, for <see cref="TelemetryNoSecretsTests"/> to look for.
/// </summary>
public sealed class TelemetryFlow : IAsyncLifetime
{
    public const string WrongPassword = "wrong horse battery stapler";

    private static readonly StorageSpanRedactor Redactor = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public MetricRecorder Metrics { get; } = new();

    /// <summary>
    /// Raw activities, and again as exported: the sources the app's tracer subscribes to (the Azure SDK's, the Functions
    /// worker's), after its <see cref="StorageSpanRedactor"/>.
    /// </summary>
    public ActivityCapture Activities { get; } = new(export: activity =>
    {
        if (!activity.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) && activity.Source.Name != TelemetryNames.FunctionsWorkerSource)
        {
            return false;
        }

        Redactor.OnEnd(activity);
        return true;
    });

    public FunctionTestHost Host { get; private set; } = null!;

    public IMeterFactory MeterFactory => Host.Services.GetRequiredService<IMeterFactory>();

    /// <summary>Secret values by name: tokens, passwords, the stored hash, the signing key (searched case-sensitively).</summary>
    public Dictionary<string, string> Secrets { get; } = [];

    /// <summary>Email addresses the flow sent (searched case-insensitively).</summary>
    public List<string> Emails { get; } = [];

    /// <summary>The users-table partition key of the flow's account: a SHA-256 of its email.</summary>
    public string EmailHash { get; private set; } = "";

    /// <summary>Every status code the flow got, in order, so a broken flow fails loudly rather than capturing little.</summary>
    public List<(string Step, HttpStatusCode Status)> Statuses { get; } = [];

    public async Task InitializeAsync()
    {
        Host = await FunctionTestHost.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));
        var api = new ApiClient(Host);
        var email = $"Tele.Metry-{Guid.NewGuid():N}@Example.Test";
        var ghost = $"ghost-{Guid.NewGuid():N}@example.test";
        Emails.AddRange([email, ghost]);
        Secrets["password"] = ApiClient.Password;
        Secrets["wrong password"] = WrongPassword;
        Secrets["signing key"] = Host.Settings["Auth:SigningKey"]!;

        using (Activities.StartRoot("telemetry flow"))
        {
            Step("register", await api.RegisterAsync(email));

            var cookieLogin = Step("login with cookies", await api.LoginAsync(email));
            Secrets["access cookie"] = ApiClient.AccessCookie(cookieLogin);
            Secrets["refresh cookie"] = ApiClient.RefreshCookie(cookieLogin);

            var tokenLogin = Step("login with tokens", await api.LoginAsync(email, useCookies: false));
            Secrets["access token"] = tokenLogin.BodyJson.GetProperty("accessToken").GetString()!;
            Secrets["refresh token"] = tokenLogin.BodyJson.GetProperty("refreshToken").GetString()!;

            var rotated = Step("refresh", await api.RefreshWithCookieAsync(Secrets["refresh cookie"]));
            Secrets["rotated access cookie"] = ApiClient.AccessCookie(rotated);
            Secrets["rotated refresh cookie"] = ApiClient.RefreshCookie(rotated);

            // After the reuse grace the replaced token is a replay: the session is revoked.
            Host.Time.Advance(TimeSpan.FromSeconds(11));
            Step("replay", await api.RefreshWithCookieAsync(Secrets["refresh cookie"]));

            Secrets["forged refresh token"] = RefreshTokenForgery.WithRandomMac(Secrets["refresh token"]);
            Step("forged refresh token", await api.SendAsync(TestRequest.Post("/api/auth/refresh-tokens?useCookies=false")
                .WithJson($$"""{"refreshToken":"{{Secrets["forged refresh token"]}}"}""")));
            Secrets["forged access token"] = JwtForgery.EditClaim(Secrets["access token"], "sub", "0123456789abcdef0123456789abcdef");
            Step("forged access token", await api.SendAsync(TestRequest.Get("/api/users/me").WithBearer(Secrets["forged access token"])));

            Step("logout", await api.SendAsync(TestRequest.Post("/api/auth/logout?useCookies=false")
                .WithJson($$"""{"refreshToken":"{{Secrets["refresh token"]}}"}""")));
            Step("logout-all", await api.SendAsync(TestRequest.Post("/api/auth/logout-all").WithBearer(Secrets["access token"])));
            Step("wrong password", await api.LoginAsync(email, WrongPassword));
            Step("unknown email", await api.LoginAsync(ghost));
        }

        // Read after the flow's trace is closed, so this lookup is not captured.
        EmailHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
        var users = new TableClient(TestStorage.ConnectionString, Host.Settings["Tables:Users"]);
        Secrets["password hash"] = (await users.GetEntityAsync<TableEntity>(EmailHash, "user")).Value.GetString("PasswordHash");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Activities.Dispose();
        Metrics.Dispose();
    }

    /// <summary>Every captured string, with where it came from.</summary>
    public IEnumerable<(string Where, string Text)> CapturedStrings() =>
        Logs.Entries.SelectMany(e => e.Strings.Select(s => ($"log {e.Category} {e.EventId.Id}", s)))
            .Concat(Activities.Activities.SelectMany(a => a.Strings.Select(s => ($"activity {a.Source}/{a.OperationName}{(a.Exported ? " (exported)" : "")}", s))))
            .Concat(Metrics.All.SelectMany(m => new[] { m.Meter, m.Instrument, m.TagText }.Select(s => ($"metric {m.Meter}/{m.Instrument}", s))));

    private TestHttpResponseData Step(string step, TestHttpResponseData response)
    {
        Statuses.Add((step, response.StatusCode));
        return response;
    }
}
