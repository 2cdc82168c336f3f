using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FuncAuth.Auth;
using FuncAuth.Cleanup;
using FuncAuth.Sessions;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Logging;
using FuncAuth.TestSupport.Tables;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>
/// The session clean-up on tables only this test uses: a sessions table (created and seeded here) and a checkpoint
/// table (left for the clean-up to create). The clean-up gets the production clean-up client options plus the test's
/// policies; seeding, reading and the racing requests (logout, revoke, rotate) use clients of their own.
/// </summary>
internal sealed class CleanupHarness : IAsyncDisposable
{
    /// <summary>A whole-second instant: the clean-up's "now" unless a test moves the clock.</summary>
    public static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary><c>Auth__RefreshTokenLifetime</c>, hence the revoked rows' replay horizon.</summary>
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(1);

    private CleanupHarness(HttpPipelinePolicy[] policies)
    {
        var options = SessionCleanupServiceCollectionExtensions.CreateClientOptions();
        options.AddPolicy(Counter, HttpPipelinePosition.PerCall);
        foreach (var policy in policies)
        {
            // Per retry, so a policy that loses a response makes the SDK resend the request, as a dropped connection would.
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        CleanupClient = new TableServiceClient(TestStorage.ConnectionString, options);
        var plain = new TableServiceClient(TestStorage.ConnectionString);
        Table = plain.GetTableClient(SessionsTable);
        Store = new TableSessionStore(plain, SessionsTable, new TableProvisioner(plain, [SessionsTable]));
    }

    public string SessionsTable { get; } = TestStorage.UniqueTableName("cleansessions");
    public string StateTable { get; } = TestStorage.UniqueTableName("cleanstate");
    public FakeTimeProvider Clock { get; } = new(Now);
    public RequestCountingPolicy Counter { get; } = new();
    public RecordingLogger<SessionCleaner> Log { get; } = new();
    public TableServiceClient CleanupClient { get; }

    /// <summary>The sessions table, for seeding and reading outside the clean-up.</summary>
    public TableClient Table { get; }

    /// <summary>The request path's store on its own client: another instance logging out, revoking, rotating.</summary>
    public TableSessionStore Store { get; }

    public static async Task<CleanupHarness> CreateAsync(params HttpPipelinePolicy[] policies)
    {
        var harness = new CleanupHarness(policies);
        await harness.Table.CreateIfNotExistsAsync();
        return harness;
    }

    /// <summary>A clean-up wired as <c>AddSessionCleanup</c> wires it, on this harness's tables and clock.</summary>
    public SessionCleaner Cleaner(int maxDeletionsPerRun = 100_000, TimeSpan? timeBudget = null, int maxConcurrentBatches = 4)
    {
        var options = new SessionCleanupOptions
        {
            MaxDeletionsPerRun = maxDeletionsPerRun,
            MaxConcurrentBatches = maxConcurrentBatches,
            TimeBudget = timeBudget ?? TimeSpan.FromMinutes(4),
            StateTable = StateTable,
        };
        var provisioner = new TableProvisioner(CleanupClient, [SessionsTable, StateTable]);
        return new SessionCleaner(
            new TableSessionSweeper(CleanupClient, SessionsTable, provisioner),
            Checkpoints(provisioner),
            MsOptions.Create(options),
            MsOptions.Create(new AuthOptions { RefreshTokenLifetime = RefreshLifetime }),
            Clock,
            Log);
    }

    /// <summary>The checkpoint as stored.</summary>
    public Task<CleanupCheckpoint> CheckpointAsync() =>
        Checkpoints(new TableProvisioner(CleanupClient, [StateTable])).ReadAsync(CancellationToken.None);

    public TableCleanupCheckpointStore Checkpoints(TableProvisioner provisioner) =>
        new(CleanupClient, StateTable, SessionsTable, provisioner);

    /// <summary>A session of <paramref name="userId"/> with the given times (created 2 days before <see cref="Now"/>).</summary>
    public static SessionRecord Session(
        string userId, DateTimeOffset refreshExpiresAt, DateTimeOffset? absoluteExpiresAt = null, DateTimeOffset? revokedAt = null) =>
        Records.Session(userId) with
        {
            CreatedAt = Now.AddDays(-2),
            RefreshExpiresAt = refreshExpiresAt,
            AbsoluteExpiresAt = absoluteExpiresAt ?? Now.AddDays(28),
            RevokedAt = revokedAt,
        };

    /// <summary><paramref name="count"/> sessions of one user whose refresh token expired an hour ago.</summary>
    public static IEnumerable<SessionRecord> Expired(string userId, int count) =>
        Enumerable.Range(0, count).Select(_ => Session(userId, Now.AddHours(-1)));

    /// <summary>Inserts sessions with batches per user (seeding is not what is measured).</summary>
    public async Task SeedAsync(IEnumerable<SessionRecord> sessions)
    {
        foreach (var batch in sessions.GroupBy(s => s.UserId).SelectMany(g => g.Chunk(100)))
        {
            await Table.SubmitTransactionAsync(batch.Select(s => new TableTransactionAction(TableTransactionActionType.Add, SessionEntity.From(s))));
        }
    }

    /// <summary>Every (user, session) still in the table.</summary>
    public async Task<HashSet<(string UserId, string SessionId)>> RemainingAsync()
    {
        var remaining = new HashSet<(string, string)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            remaining.Add((row.PartitionKey, row.RowKey));
        }

        return remaining;
    }

    public static HashSet<(string UserId, string SessionId)> Keys(IEnumerable<SessionRecord> sessions) =>
        sessions.Select(s => (s.UserId, s.SessionId)).ToHashSet();

    /// <summary>The transactions the clean-up sent (each counted once, however often the SDK retried it).</summary>
    public int BatchRequests => Counter.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("$batch", StringComparison.Ordinal));

    /// <summary>The scan's query requests, in order ("GET /devstoreaccount1/table()?$filter=...").</summary>
    public IReadOnlyList<string> ScanRequests =>
        Counter.Requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("RefreshExpiresAt", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        var cleanup = new TableServiceClient(TestStorage.ConnectionString);
        await cleanup.DeleteTableAsync(SessionsTable);
        await cleanup.DeleteTableAsync(StateTable);
    }
}
