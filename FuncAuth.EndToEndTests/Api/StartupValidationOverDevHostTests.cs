using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>The real worker refuses to start on bad settings, and says which setting (never its value).</summary>
public sealed class StartupValidationOverDevHostTests
{
    [Theory]
    [InlineData(null, "Auth__SigningKey")]
    [InlineData("c2hvcnQ=", "Auth__SigningKey")]
    public async Task TheWorkerFailsFastNamingTheSigningKeySetting(string? key, string setting)
    {
        await using var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Auth__SigningKey"] = key,
            ["Auth__SigningKeys__0__Id"] = null,
            ["Auth__SigningKeys__0__Key"] = null,
        }, ignoreLocalSettings: true);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.False(host.IsReady);
        Assert.Contains(setting, host.Output);
        if (key is not null)
        {
            Assert.DoesNotContain(key, host.Output);
        }
    }

    [Theory]
    [InlineData("Auth__RefreshReuseGrace", "00:01:01")]
    [InlineData("Auth__Passwords__MinLength", "7")]
    [InlineData("Auth__PublicOrigins__0", "https://api.example.com/path")]
    public async Task TheWorkerRefusesUnsafeSettingsNamingThem(string setting, string value)
    {
        await using var host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            [setting] = value,
        }, ignoreLocalSettings: true);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.False(host.IsReady);
        Assert.Contains(setting, host.Output);
    }
}
