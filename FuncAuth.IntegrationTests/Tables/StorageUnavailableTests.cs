using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>A client pointed at a loopback port nothing listens on: every operation fails fast with a 503-able error.</summary>
public sealed class StorageUnavailableTests
{
    private const string AzuriteKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string UnreachableConnectionString =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};" +
        "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Operations => ["provision", "user.create", "user.find", "user.update",
        "session.create", "session.get", "session.replace", "session.revoke", "session.delete", "session.deleteAll"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task StoreOperation_StorageUnreachable_ThrowsStorageUnavailableWithinSeconds(string operation)
    {
        var client = StoreHarness.CreateClient(new RequestCountingPolicy(), UnreachableConnectionString);
        var provisioner = new TableProvisioner(client, ["users", "sessions"]);
        var users = new TableUserStore(client, "users", provisioner);
        var sessions = new TableSessionStore(client, "sessions", provisioner);
        var user = Records.User() with { ETag = "W/\"datetime'2024-01-01T00%3A00%3A00Z'\"" };
        var session = Records.Session() with { ETag = user.ETag };
        var ct = CancellationToken.None;
        Func<Task> act = operation switch
        {
            "provision" => () => provisioner.EnsureCreatedAsync(ct),
            "user.create" => () => users.TryCreateAsync(user, ct),
            "user.find" => () => users.FindByEmailAsync(user.NormalizedEmail, ct),
            "user.update" => () => users.TryUpdateLoginStateAsync(user, ct),
            "session.create" => () => sessions.CreateAsync(session, ct),
            "session.get" => () => sessions.GetAsync(session.UserId, session.SessionId, ct),
            "session.replace" => () => sessions.TryReplaceAsync(session, ct),
            "session.revoke" => () => sessions.RevokeAsync(session.UserId, session.SessionId, Records.Now, ct),
            "session.delete" => () => sessions.DeleteAsync(session.UserId, session.SessionId, ct),
            _ => () => sessions.DeleteAllAsync(session.UserId, ct),
        };

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StorageUnavailableException>(act);

        Assert.True(watch.Elapsed < FewSeconds, $"took {watch.Elapsed}");
        Assert.DoesNotContain(AzuriteKey, error.Message);
        Assert.DoesNotContain("AccountKey", error.Message);
        Assert.DoesNotContain("127.0.0.1", error.Message);
    }

    [Fact]
    public async Task EnsureCreatedAsync_StorageAcceptsButNeverAnswers_ThrowsStorageUnavailableWithinSeconds()
    {
        // A listener that accepts connections and never answers: the network timeout, not a refusal, ends each try.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var connectionString = UnreachableConnectionString.Replace("127.0.0.1:1/", $"127.0.0.1:{port}/", StringComparison.Ordinal);
        var client = StoreHarness.CreateClient(new RequestCountingPolicy(), connectionString);
        var provisioner = new TableProvisioner(client, ["users"]);

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => provisioner.EnsureCreatedAsync(CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task TableProvisioner_FailedOnce_TriesAgainOnNextCall()
    {
        var counter = new RequestCountingPolicy();
        var provisioner = new TableProvisioner(StoreHarness.CreateClient(counter, UnreachableConnectionString), ["users"]);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => provisioner.EnsureCreatedAsync(CancellationToken.None));
        var afterFirst = counter.Count;
        await Assert.ThrowsAsync<StorageUnavailableException>(() => provisioner.EnsureCreatedAsync(CancellationToken.None));

        Assert.True(counter.Count > afterFirst);
    }

    [Fact]
    public async Task FindByEmailAsync_CallerCancelled_ThrowsOperationCanceledNotUnavailable()
    {
        await using var storage = await StoreHarness.CreateAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var error = await Record.ExceptionAsync(() => storage.Users.FindByEmailAsync("a@example.com", cancelled.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }
}
