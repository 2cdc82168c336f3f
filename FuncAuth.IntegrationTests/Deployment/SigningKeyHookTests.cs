using System.Runtime.Versioning;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// infra/hooks/preprovision.sh (run by azd before every provision) in the default HS256 mode, run for real by bash
/// against <see cref="FakeAzd"/>: the key is random, 32 bytes, generated once, handed to azd through a private file,
/// checked when supplied, and never printed. ES256 and switching algorithm: <see cref="SigningAlgorithmHookTests"/>; rotation:
/// <see cref="SigningKeyRotationTests"/>.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SigningKeyHookTests : IDisposable
{
    private const string Hook = "infra/hooks/preprovision.sh";
    private static readonly string ValidKey = TestSigningKeys.Hmac;

    private readonly FakeAzd _azd = new();

    public void Dispose() => _azd.Dispose();

    [Fact]
    public async Task A_new_environment_gets_a_random_32_byte_key_through_a_private_file_that_is_gone_afterwards()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment());

        Assert.True(run.ExitCode == 0, run.Output);
        var file = Assert.Single(_azd.ValueFiles);
        Assert.Equal([$"env set --file {file}"], _azd.Calls);
        Assert.False(File.Exists(file), "the value file outlived the hook");
        Assert.Equal("k1", _azd.Values["FUNCAUTH_SIGNING_KEY_ID"]);
        var key = _azd.Values["FUNCAUTH_SIGNING_KEY"];
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_new_environments_get_different_keys()
    {
        using var other = new FakeAzd();
        Assert.Equal(0, (await ToolRun.RunAsync(Hook, [], _azd.Environment())).ExitCode);
        Assert.Equal(0, (await ToolRun.RunAsync(Hook, [], other.Environment())).ExitCode);

        Assert.NotEqual(_azd.Values["FUNCAUTH_SIGNING_KEY"], other.Values["FUNCAUTH_SIGNING_KEY"]);
    }

    [Fact]
    public async Task An_environment_that_has_a_key_keeps_it_and_azd_is_not_asked_to_change_anything()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(("FUNCAUTH_SIGNING_KEY", ValidKey), ("FUNCAUTH_SIGNING_KEY_ID", "k7")));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(_azd.Calls);
        Assert.Contains("keeping HS256 signing key 'k7'", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidKey, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQ=")] // 5 bytes
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==")] // 31 bytes
    [InlineData("not base64 at all, but long enough to pass a length check!!")]
    public async Task A_supplied_key_that_is_not_base64_of_32_bytes_is_refused_without_being_echoed(string key)
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(("FUNCAUTH_SIGNING_KEY", key)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("FUNCAUTH_SIGNING_KEY", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Theory]
    [InlineData("k_1")]
    [InlineData("k 1")]
    [InlineData("k1/../k2")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task A_kid_that_cannot_name_a_Key_Vault_secret_is_refused(string kid)
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(("FUNCAUTH_SIGNING_KEY_ID", kid)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("FUNCAUTH_SIGNING_KEY_ID must be 1-64 letters, digits or dashes", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Theory]
    [InlineData("k1", "valid", "must differ")]
    [InlineData("k0", "c2hvcnQ=", "FUNCAUTH_PREVIOUS_SIGNING_KEY must be base64")]
    [InlineData("k0", "", "FUNCAUTH_PREVIOUS_SIGNING_KEY must be base64")]
    [InlineData("", "valid", "set without FUNCAUTH_PREVIOUS_SIGNING_KEY_ID")]
    public async Task A_rotation_needs_a_distinct_previous_kid_and_a_previous_key_of_32_bytes(string previousId, string previousKey, string message)
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(
            ("FUNCAUTH_SIGNING_KEY_ID", "k1"),
            ("FUNCAUTH_SIGNING_KEY", ValidKey),
            ("FUNCAUTH_PREVIOUS_SIGNING_KEY_ID", previousId),
            ("FUNCAUTH_PREVIOUS_SIGNING_KEY", previousKey == "valid" ? ValidKey : previousKey)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
    }
}
