using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>
/// The real worker with the console exporter on (<c>Telemetry__Console=true</c>) behind the DevHost: what it exports
/// is what an OTLP collector or Application Insights would receive, printed.
/// </summary>
public sealed class TelemetryOverDevHostTests
{
    private const string WrongPassword = "wrong horse battery stapler";

    [Fact]
    public async Task TheWorkerExportsInvocationStorageSpansAndFuncAuthMetricsWithoutAnySecret()
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("e2etelusers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("e2etelsessions"),
            ["Auth__SigningKey"] = signingKey,
            ["Auth__RefreshReuseGrace"] = "00:00:00",
            ["Telemetry__Console"] = "true",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = null,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        string output;
        var email = BrowserLikeClient.UniqueEmail();
        var secrets = new List<string> { BrowserLikeClient.Password, WrongPassword, signingKey };
        await using (host)
        {
            await host.WaitUntilReadyAsync();
            using var client = new BrowserLikeClient(host.BaseAddress);
            Assert.Equal(HttpStatusCode.Created, (await client.RegisterAsync(email)).StatusCode);
            var login = await client.LoginAsync(email, useCookies: false);
            var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
            var refreshToken = tokens.GetProperty("refreshToken").GetString()!;
            secrets.AddRange([tokens.GetProperty("accessToken").GetString()!, refreshToken]);
            var rotated = await client.PostJsonAsync("api/auth/refresh-tokens?useCookies=false", $$"""{"refreshToken":"{{refreshToken}}"}""");
            secrets.Add((await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!);
            var replay = await client.PostJsonAsync("api/auth/refresh-tokens?useCookies=false", $$"""{"refreshToken":"{{refreshToken}}"}""");
            Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, WrongPassword)).StatusCode);

            // A graceful stop flushes the metric reader and the span batch to the console.
            await host.StopAsync();
            output = host.Output;
        }

        Assert.Contains("Activity.DisplayName:        function Login", output, StringComparison.Ordinal);
        Assert.Contains("faas.name: RefreshTokens", output, StringComparison.Ordinal);
        Assert.Contains("Name: Azure.Data.Tables.TableClient", output, StringComparison.Ordinal);
        Assert.Contains("Metric Name: funcauth.logins", output, StringComparison.Ordinal);
        Assert.Contains("outcome: refused reason: replay_detected", output, StringComparison.Ordinal);
        Assert.Contains("Metric Name: funcauth.storage.request.duration", output, StringComparison.Ordinal);
        Assert.Contains("(…)", output, StringComparison.Ordinal);

        var emailHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
        Assert.DoesNotContain(email, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(emailHash, output, StringComparison.OrdinalIgnoreCase);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Telemetry__Console", "yes")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "not-a-connection-string")]
    public async Task TheWorkerRefusesABadTelemetrySettingNamingIt(string setting, string value)
    {
        await using var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [setting] = value,
        }, ignoreLocalSettings: true);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(setting, host.Output, StringComparison.Ordinal);
    }
}
