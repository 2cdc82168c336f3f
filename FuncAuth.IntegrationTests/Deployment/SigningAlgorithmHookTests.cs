using System.Runtime.Versioning;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// infra/hooks/preprovision.sh with FUNCAUTH_SIGNING_ALGORITHM, run by bash against <see cref="FakeAzd"/>: in ES256
/// mode the key is a P-256 private key in PKCS#8 that the app imports, generated once and never printed; a key of the
/// other algorithm is a switch, which ends every session, so it happens only when FUNCAUTH_FORCE_ALGORITHM_SWITCH
/// names the algorithm switched to.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SigningAlgorithmHookTests : IDisposable
{
    private const string Hook = "infra/hooks/preprovision.sh";
    private const string Algorithm = "FUNCAUTH_SIGNING_ALGORITHM";
    private const string Force = "FUNCAUTH_FORCE_ALGORITHM_SWITCH";

    private readonly FakeAzd _azd = new();

    public void Dispose() => _azd.Dispose();

    public static TheoryData<string, string> MalformedEcdsaKeys() => new()
    {
        { "SEC1 DER of a P-256 key (openssl genpkey -outform DER)", TestSigningKeys.NewSec1Ecdsa() },
        { "PKCS#8 of a P-384 key", TestSigningKeys.NewP384() },
        { "PKCS#8 of a P-256 key cut short", Convert.ToBase64String(Convert.FromBase64String(TestSigningKeys.NewEcdsa())[..100]) },
        { "PEM text", "-----BEGIN PRIVATE KEY-----" },
        { "5 bytes", "c2hvcnQ=" },
        { "not base64", "not base64 at all, but long enough to pass a length check!!" },
    };

    [Fact]
    public async Task A_new_ES256_environment_gets_a_P256_PKCS8_key_that_the_app_imports_through_a_private_file_never_printed()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment((Algorithm, "ES256")));

        Assert.True(run.ExitCode == 0, run.Output);
        var file = Assert.Single(_azd.ValueFiles);
        Assert.Equal([$"env set --file {file}"], _azd.Calls);
        Assert.False(File.Exists(file), "the value file outlived the hook");
        Assert.Equal("k1", _azd.Values["FUNCAUTH_SIGNING_KEY_ID"]);
        var key = _azd.Values["FUNCAUTH_SIGNING_KEY"];
        TestSigningKeys.AssertP256Pkcs8(key);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
        Assert.Contains("'k1' (ES256: a new P-256 key pair)", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_new_ES256_environments_get_different_key_pairs_and_each_keeps_its_own_on_later_runs()
    {
        using var other = new FakeAzd();
        Assert.Equal(0, (await ToolRun.RunAsync(Hook, [], _azd.Environment((Algorithm, "ES256")))).ExitCode);
        Assert.Equal(0, (await ToolRun.RunAsync(Hook, [], other.Environment((Algorithm, "ES256")))).ExitCode);
        var key = _azd.Values["FUNCAUTH_SIGNING_KEY"];
        Assert.NotEqual(key, other.Values["FUNCAUTH_SIGNING_KEY"]);

        // What azd passes the hook at the next provision: the saved values.
        var again = await ToolRun.RunAsync(Hook, [], _azd.Environment([.. _azd.Values.Select(v => (v.Key, v.Value)), (Algorithm, "ES256")]));
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("keeping ES256 signing key 'k1'", again.StandardOutput, StringComparison.Ordinal);
        Assert.Single(_azd.ValueFiles);
        Assert.Equal(key, _azd.Values["FUNCAUTH_SIGNING_KEY"]);
    }

    [Fact]
    public async Task An_ES256_key_made_by_dotnet_as_the_Windows_hook_makes_it_is_kept()
    {
        var key = TestSigningKeys.NewEcdsa();
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment((Algorithm, "ES256"), ("FUNCAUTH_SIGNING_KEY", key), ("FUNCAUTH_SIGNING_KEY_ID", "k3")));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(_azd.Calls);
        Assert.Contains("keeping ES256 signing key 'k3'", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedEcdsaKeys))]
    public async Task A_supplied_ES256_key_that_is_not_a_P256_PKCS8_private_key_is_refused_without_being_echoed(string what, string key)
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment((Algorithm, "ES256"), ("FUNCAUTH_SIGNING_KEY", key)));

        Assert.True(run.ExitCode != 0, $"{what} was accepted");
        Assert.Contains("FUNCAUTH_SIGNING_KEY must be base64 of a P-256 private key in PKCS#8 DER", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Theory]
    [InlineData("es256")]
    [InlineData("RS256")]
    [InlineData("")]
    public async Task An_algorithm_other_than_HS256_or_ES256_is_refused(string algorithm)
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment((Algorithm, algorithm)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("FUNCAUTH_SIGNING_ALGORITHM must be HS256 or ES256", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Fact]
    public async Task Switching_an_HS256_environment_to_ES256_is_refused_with_what_it_costs_and_how_to_confirm()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(
            (Algorithm, "ES256"), ("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac), ("FUNCAUTH_SIGNING_KEY_ID", "k1")));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'k1' is an HS256 key, but FUNCAUTH_SIGNING_ALGORITHM is ES256", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("ends every session", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("azd env set FUNCAUTH_FORCE_ALGORITHM_SWITCH ES256", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSigningKeys.Hmac, run.Output, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("HS256")]
    public async Task An_ES256_key_under_the_HS256_default_is_refused_rather_than_used_as_an_HMAC_secret(string? algorithm)
    {
        // A PKCS#8 key is base64 of 138 bytes: the HS256 length check alone would take it, and silently end every session.
        var key = TestSigningKeys.NewEcdsa();
        var values = new List<(string, string)> { ("FUNCAUTH_SIGNING_KEY", key) };
        if (algorithm is not null)
        {
            values.Add((Algorithm, algorithm));
        }

        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment([.. values]));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is an ES256 key, but FUNCAUTH_SIGNING_ALGORITHM is HS256", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Fact]
    public async Task A_confirmed_switch_replaces_the_key_under_a_new_kid_warns_that_sessions_end_and_is_good_for_one_switch()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(
            (Algorithm, "ES256"), (Force, "ES256"), ("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac), ("FUNCAUTH_SIGNING_KEY_ID", "k4")));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("k5", _azd.Values["FUNCAUTH_SIGNING_KEY_ID"]);
        TestSigningKeys.AssertP256Pkcs8(_azd.Values["FUNCAUTH_SIGNING_KEY"]);
        Assert.Equal("", _azd.Values[Force]);
        Assert.Contains("signed with 'k4' stops working", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(_azd.Values["FUNCAUTH_SIGNING_KEY"], run.Output, StringComparison.Ordinal);
        Assert.All(_azd.ValueFiles, f => Assert.False(File.Exists(f), $"{f} outlived the hook"));

        // Switching back needs a confirmation of its own.
        var back = await ToolRun.RunAsync(Hook, [], _azd.Environment([.. _azd.Values.Select(v => (v.Key, v.Value)), (Algorithm, "HS256")]));
        Assert.NotEqual(0, back.ExitCode);
        Assert.Contains("is an ES256 key, but FUNCAUTH_SIGNING_ALGORITHM is HS256", back.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("HS256")]
    public async Task A_confirmation_that_does_not_name_the_algorithm_switched_to_switches_nothing(string force)
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(
            (Algorithm, "ES256"), (Force, force), ("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("azd env set FUNCAUTH_FORCE_ALGORITHM_SWITCH ES256", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }

    [Fact]
    public async Task A_switch_during_a_rotation_is_refused_until_the_rotation_is_finished()
    {
        var run = await ToolRun.RunAsync(Hook, [], _azd.Environment(
            (Algorithm, "ES256"), (Force, "ES256"),
            ("FUNCAUTH_SIGNING_KEY_ID", "k2"), ("FUNCAUTH_SIGNING_KEY", TestSigningKeys.Hmac),
            ("FUNCAUTH_PREVIOUS_SIGNING_KEY_ID", "k1"), ("FUNCAUTH_PREVIOUS_SIGNING_KEY", TestSigningKeys.Hmac)));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("rotation is in progress: finish it", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(_azd.Calls);
    }
}
