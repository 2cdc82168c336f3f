using System.Runtime.Versioning;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// infra/scripts/rotate-signing-key.sh against <see cref="FakeAzd"/>, with the preprovision hook checking what the next
/// provision would get: 'begin' keeps the algorithm and the old key, 'finish' waits until every refresh token the old
/// key minted has expired, because a session whose current refresh token it minted ends when it goes. The script reads
/// the wall clock, so the timing tests set the recorded start a minute either side of the boundary.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SigningKeyRotationTests : IDisposable
{
    private const string Hook = "infra/hooks/preprovision.sh";
    private const string Rotate = "infra/scripts/rotate-signing-key.sh";
    private const string BeganAt = "FUNCAUTH_ROTATION_BEGAN_AT";

    private readonly FakeAzd _azd = new();

    public void Dispose() => _azd.Dispose();

    [Fact]
    public async Task An_HS256_rotation_moves_the_current_key_to_previous_signs_with_a_new_one_and_finish_retires_the_old()
    {
        _azd.Set("FUNCAUTH_SIGNING_KEY_ID", "k1");
        _azd.Set("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac);

        var begin = await ToolRun.RunAsync(Rotate, ["begin"], _azd.Environment());
        Assert.True(begin.ExitCode == 0, begin.Output);
        var values = _azd.Values;
        Assert.Equal("k1", values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
        Assert.Equal(TestSigningKeys.Hmac, values["FUNCAUTH_PREVIOUS_SIGNING_KEY"]);
        Assert.Equal("k2", values["FUNCAUTH_SIGNING_KEY_ID"]);
        Assert.NotEqual(TestSigningKeys.Hmac, values["FUNCAUTH_SIGNING_KEY"]);
        Assert.Equal(32, Convert.FromBase64String(values["FUNCAUTH_SIGNING_KEY"]).Length);
        Assert.DoesNotContain(values["FUNCAUTH_SIGNING_KEY"], begin.Output, StringComparison.Ordinal);
        Assert.Contains("once the refresh-token lifetime (1.00:00:00) has passed", begin.StandardOutput, StringComparison.Ordinal);

        // What the next `azd provision` passes the hook is a valid rotation.
        var hook = await ToolRun.RunAsync(Hook, [], _azd.Environment([.. values.Select(v => (v.Key, v.Value))]));
        Assert.True(hook.ExitCode == 0, hook.Output);
        Assert.Contains("'k1' still validates, 'k2' signs", hook.StandardOutput, StringComparison.Ordinal);

        var again = await ToolRun.RunAsync(Rotate, ["begin"], _azd.Environment());
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already in progress", again.StandardError, StringComparison.Ordinal);

        _azd.Set(BeganAt, SecondsAgo(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)));
        var finish = await ToolRun.RunAsync(Rotate, ["finish"], _azd.Environment());
        Assert.True(finish.ExitCode == 0, finish.Output);
        Assert.Equal("", _azd.Values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
        Assert.Equal("", _azd.Values["FUNCAUTH_PREVIOUS_SIGNING_KEY"]);
        Assert.Equal("", _azd.Values[BeganAt]);
        Assert.Equal("k2", _azd.Values["FUNCAUTH_SIGNING_KEY_ID"]);
        Assert.All(_azd.ValueFiles, f => Assert.False(File.Exists(f), $"{f} outlived the script"));
    }

    [Fact]
    public async Task An_ES256_rotation_signs_with_a_new_P256_key_and_keeps_the_old_one_validating()
    {
        var old = TestSigningKeys.NewEcdsa();
        _azd.Set("FUNCAUTH_SIGNING_ALGORITHM", "ES256");
        _azd.Set("FUNCAUTH_SIGNING_KEY_ID", "k9");
        _azd.Set("FUNCAUTH_SIGNING_KEY", old);

        var begin = await ToolRun.RunAsync(Rotate, ["begin"], _azd.Environment());

        Assert.True(begin.ExitCode == 0, begin.Output);
        var values = _azd.Values;
        Assert.Equal("k9", values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
        Assert.Equal(old, values["FUNCAUTH_PREVIOUS_SIGNING_KEY"]);
        Assert.Equal("k10", values["FUNCAUTH_SIGNING_KEY_ID"]);
        TestSigningKeys.AssertP256Pkcs8(values["FUNCAUTH_SIGNING_KEY"]);
        Assert.NotEqual(old, values["FUNCAUTH_SIGNING_KEY"]);
        Assert.DoesNotContain(values["FUNCAUTH_SIGNING_KEY"], begin.Output, StringComparison.Ordinal);

        var hook = await ToolRun.RunAsync(Hook, [], _azd.Environment([.. values.Select(v => (v.Key, v.Value))]));
        Assert.True(hook.ExitCode == 0, hook.Output);
        Assert.Contains("'k9' still validates, 'k10' signs", hook.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ES256_rotation_refuses_a_previous_key_of_the_other_algorithm()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(
            ("FUNCAUTH_SIGNING_ALGORITHM", "ES256"),
            ("FUNCAUTH_SIGNING_KEY_ID", "k2"), ("FUNCAUTH_SIGNING_KEY", TestSigningKeys.NewEcdsa()),
            ("FUNCAUTH_PREVIOUS_SIGNING_KEY_ID", "k1"), ("FUNCAUTH_PREVIOUS_SIGNING_KEY", TestSigningKeys.Hmac)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("FUNCAUTH_PREVIOUS_SIGNING_KEY must be base64 of a P-256 private key", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("a rotation keeps the algorithm", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Begin_refuses_to_rotate_into_another_algorithm()
    {
        _azd.Set("FUNCAUTH_SIGNING_ALGORITHM", "ES256");
        _azd.Set("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac);

        var begin = await ToolRun.RunAsync(Rotate, ["begin"], _azd.Environment());

        Assert.NotEqual(0, begin.ExitCode);
        Assert.Contains("not an ES256 key: a rotation keeps the algorithm", begin.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(_azd.Calls, c => c.StartsWith("env set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finish_right_after_begin_is_refused_because_sessions_still_hold_refresh_tokens_of_the_old_key()
    {
        _azd.Set("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac);
        Assert.Equal(0, (await ToolRun.RunAsync(Rotate, ["begin"], _azd.Environment())).ExitCode);

        var finish = await ToolRun.RunAsync(Rotate, ["finish"], _azd.Environment());

        Assert.NotEqual(0, finish.ExitCode);
        // 24 h 0 min when both ran within the same second, 23 h and some minutes otherwise.
        Assert.Matches(@"too early: refresh tokens minted with 'k1' may live (24 h 0|23 h [0-9]+) min more \(FUNCAUTH_REFRESH_TOKEN_LIFETIME 1\.00:00:00 since 'begin'", finish.StandardError);
        Assert.Contains("finish --force", finish.StandardError, StringComparison.Ordinal);
        Assert.Equal("k1", _azd.Values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
    }

    [Theory]
    [InlineData("00:30:00", 29, false)]
    [InlineData("00:30:00", 31, true)]
    [InlineData("2.00:00:00", 24 * 60, false)]
    [InlineData("2.00:00:00", (48 * 60) + 1, true)]
    public async Task Finish_waits_the_configured_refresh_token_lifetime_from_begin(string lifetime, int minutesAgo, bool allowed)
    {
        _azd.Set("FUNCAUTH_REFRESH_TOKEN_LIFETIME", lifetime);
        _azd.Set("FUNCAUTH_ACCESS_TOKEN_LIFETIME", "00:05:00");
        _azd.Set("FUNCAUTH_PREVIOUS_SIGNING_KEY_ID", "k1");
        _azd.Set("FUNCAUTH_PREVIOUS_SIGNING_KEY", TestSigningKeys.Hmac);
        _azd.Set(BeganAt, SecondsAgo(TimeSpan.FromMinutes(minutesAgo)));

        var finish = await ToolRun.RunAsync(Rotate, ["finish"], _azd.Environment());

        Assert.True((finish.ExitCode == 0) == allowed, finish.Output);
        Assert.Equal(allowed ? "" : "k1", _azd.Values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
    }

    [Fact]
    public async Task Finish_with_force_retires_the_old_key_at_once_and_says_which_sessions_end()
    {
        _azd.Set("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac);
        Assert.Equal(0, (await ToolRun.RunAsync(Rotate, ["begin"], _azd.Environment())).ExitCode);

        var finish = await ToolRun.RunAsync(Rotate, ["finish", "--force"], _azd.Environment());

        Assert.True(finish.ExitCode == 0, finish.Output);
        Assert.Equal("", _azd.Values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
        Assert.Contains("sessions whose current refresh token 'k1' minted end", finish.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finish_of_a_rotation_begun_without_a_recorded_start_is_refused_unless_forced()
    {
        _azd.Set("FUNCAUTH_PREVIOUS_SIGNING_KEY_ID", "k1");
        _azd.Set("FUNCAUTH_PREVIOUS_SIGNING_KEY", TestSigningKeys.Hmac);

        var finish = await ToolRun.RunAsync(Rotate, ["finish"], _azd.Environment());

        Assert.NotEqual(0, finish.ExitCode);
        Assert.Contains("does not record when the rotation began", finish.StandardError, StringComparison.Ordinal);
        Assert.Equal("k1", _azd.Values["FUNCAUTH_PREVIOUS_SIGNING_KEY_ID"]);
    }

    private static string SecondsAgo(TimeSpan age) =>
        (DateTimeOffset.UtcNow - age).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
