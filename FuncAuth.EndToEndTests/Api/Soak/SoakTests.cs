using System.Net;
using System.Security.Cryptography;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.Tables;
using Xunit.Abstractions;

namespace FuncAuth.EndToEndTests.Api.Soak;

/// <summary>
/// Many concurrent clients over many accounts for a fixed time against the real worker behind the DevHost, mixing
/// logins in both modes, rotations, concurrent double refreshes, replays inside and outside the grace window (short
/// chains and long ones), forged tokens, wrong passwords, protected calls, logout and logout-all; then the invariants
/// are checked against what the clients saw. 20 s in the normal test run; <c>FUNCAUTH_SOAK_SECONDS=60</c> for the
/// long version (see docs/reliability.md).
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 8;
    private const int AccountsPerWorker = 3;
    private const int AttackedAccounts = 4;
    private const int MaxFailedAttempts = 5;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private DevHostProcess _host = null!;

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("FUNCAUTH_SOAK_SECONDS"), out var s) && s > 0 ? s : 20);

    public async Task InitializeAsync()
    {
        _host = DevHostProcess.Start(RepositoryLayout.FuncAuthApp, new Dictionary<string, string?>
        {
            ["TableStorage"] = TestStorage.ConnectionString,
            ["Tables__Users"] = TestStorage.UniqueTableName("soakusers"),
            ["Tables__Sessions"] = TestStorage.UniqueTableName("soaksessions"),
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth__RefreshReuseGrace"] = Grace.ToString(),
            ["Auth__Lockout__MaxFailedAttempts"] = $"{MaxFailedAttempts}",
            // The soak checks sessions and lockout, not overload (OverloadOverHttpTests does): 8 clients never fill the
            // gate's queue, and a long queue wait keeps a machine busy with other work from turning hashes into 503s.
            ["Auth__Passwords__HashQueueTimeout"] = "00:00:10",
            ["WEBSITE_HOSTNAME"] = null,
        }, ignoreLocalSettings: true);
        await _host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnderSustainedMixedLoadNoInvariantBreaks()
    {
        var ledger = new SoakLedger();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = _host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var api = new SoakApi(http, ledger);
        var run = Guid.NewGuid().ToString("N")[..8];
        SoakUser User(string kind, int i, bool attacked) =>
            new($"soak-{kind}-{i}-{run}@example.test", $"soak password {kind} {i} {run}", attacked);
        var attacked = Enumerable.Range(0, AttackedAccounts).Select(i => User("attacked", i, attacked: true)).ToList();
        var owned = Enumerable.Range(0, Workers).Select(w => Enumerable.Range(0, AccountsPerWorker).Select(i => User($"w{w}", i, attacked: false)).ToList()).ToList();
        foreach (var user in attacked.Concat(owned.SelectMany(u => u)))
        {
            Assert.Equal(HttpStatusCode.Created, await api.RegisterAsync(user));
        }

        var workers = owned.Select((mine, w) => new SoakWorker(api, ledger, mine, attacked, Grace, seed: w)).ToList();
        using var stop = new CancellationTokenSource(Duration);
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(stop.Token))));

        // No session lost or forked: every session its client still believes in rotates once more.
        var survivors = workers.SelectMany(w => w.Alive).ToList();
        foreach (var session in survivors)
        {
            var (status, _, _) = await api.RefreshAsync(session, session.Current, "final refresh");
            if (status != HttpStatusCode.OK)
            {
                ledger.Violate($"a live session's final refresh answered {(int)status}");
            }
        }

        ledger.CheckAtEnd(MaxFailedAttempts);
        output.WriteLine($"soak {Duration.TotalSeconds:F0} s, {Workers} clients, {Workers * AccountsPerWorker + AttackedAccounts} accounts: " +
                         $"{ledger.Requests} requests, slowest {ledger.Slowest.TotalMilliseconds:F0} ms, {survivors.Count} sessions alive at the end");
        foreach (var (what, count) in ledger.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {what}: {count}");
        }

        Assert.True(ledger.Violations.Count == 0, string.Join(Environment.NewLine, ledger.Violations.Take(20)));
        Assert.True(ledger.Requests > 100, $"only {ledger.Requests} requests: the soak did not run");
    }
}
