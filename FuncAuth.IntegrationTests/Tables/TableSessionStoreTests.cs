using Azure.Core;
using Azure.Data.Tables;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.IntegrationTests.Tables;

public sealed class TableSessionStoreTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task GetAsync_CreatedSession_ReturnsEveryField()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session() with { RotatedAt = Records.Now.ToOffset(TimeSpan.FromHours(3)), Generation = 3 };
        await storage.Sessions.CreateAsync(session, Ct);

        var stored = await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct);

        Assert.NotNull(stored);
        Assert.False(string.IsNullOrEmpty(stored.ETag));
        Assert.Equal(TimeSpan.Zero, stored.RotatedAt!.Value.Offset);
        Assert.Equal(session with { ETag = stored.ETag }, stored);
    }

    [Fact]
    public async Task CreateAsync_SameSessionTwice_SecondIsTheFirstsRetryAndSucceeds()
    {
        // What the storage client does when an insert landed but its answer was lost: it sends it again and gets 409.
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        await storage.Sessions.CreateAsync(session, Ct);

        await storage.Sessions.CreateAsync(session, Ct);

        var stored = await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct);
        Assert.Equal(session with { ETag = stored!.ETag }, stored);
    }

    [Fact]
    public async Task GetAsync_MissingSession_ReturnsNull()
    {
        await using var storage = await StoreHarness.CreateAsync();

        Assert.Null(await storage.Sessions.GetAsync(Records.NewId(), Records.NewId(), Ct));
    }

    [Fact]
    public async Task TryReplaceAsync_TwentyParallelWritersOfSameVersion_ExactlyOneWins()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        await storage.Sessions.CreateAsync(session, Ct);
        var read = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;
        var candidates = Enumerable.Range(0, 20)
            .Select(i => read with { Generation = 1, RotatedAt = Records.Now.AddMilliseconds(i) })
            .ToList();

        var outcomes = await Task.WhenAll(candidates.Select(c => Task.Run(() => storage.Sessions.TryReplaceAsync(c, Ct))));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = candidates[Array.IndexOf(outcomes, true)];
        var stored = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;
        Assert.Equal((winner.RotatedAt, 1), (stored.RotatedAt, stored.Generation));
    }

    [Fact]
    public async Task RevokeAsync_AfterARotationItDidNotSee_RevokesWithoutUndoingTheRotation()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        await storage.Sessions.CreateAsync(session, Ct);
        var read = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;
        Assert.True(await storage.Sessions.TryReplaceAsync(read with { Generation = 1, RotatedAt = Records.Now }, Ct));
        var revokedAt = Records.Now.AddMinutes(5);

        Assert.True(await storage.Sessions.RevokeAsync(session.UserId, session.SessionId, revokedAt, Ct));

        var stored = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;
        Assert.Equal((revokedAt, 1, "ada@example.com"), (stored.RevokedAt, stored.Generation, stored.Email));
    }

    [Fact]
    public async Task RevokeAsync_RotationReadBeforeIt_ThatRotationCanNoLongerLand()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        await storage.Sessions.CreateAsync(session, Ct);
        var readByRotation = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;

        await storage.Sessions.RevokeAsync(session.UserId, session.SessionId, Records.Now, Ct);

        Assert.False(await storage.Sessions.TryReplaceAsync(readByRotation with { Generation = 1 }, Ct));
        var stored = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;
        Assert.Equal((Records.Now, 0), (stored.RevokedAt!.Value, stored.Generation));
    }

    [Fact]
    public async Task RevokeAsync_Twice_SecondIsHarmless()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        await storage.Sessions.CreateAsync(session, Ct);

        Assert.True(await storage.Sessions.RevokeAsync(session.UserId, session.SessionId, Records.Now, Ct));
        Assert.True(await storage.Sessions.RevokeAsync(session.UserId, session.SessionId, Records.Now, Ct));

        Assert.Equal(Records.Now, (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!.RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_DeletedSession_FalseAndNoHalfRowCreated()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();

        Assert.False(await storage.Sessions.RevokeAsync(session.UserId, session.SessionId, Records.Now, Ct));

        Assert.Null(await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct));
    }

    [Fact]
    public async Task TryReplaceAsync_DeletedSession_ReturnsFalse()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        await storage.Sessions.CreateAsync(session, Ct);
        var read = (await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct))!;
        await storage.Sessions.DeleteAsync(session.UserId, session.SessionId, Ct);

        Assert.False(await storage.Sessions.TryReplaceAsync(read with { Generation = 1 }, Ct));
        Assert.Null(await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct));
    }

    [Fact]
    public async Task DeleteAsync_ExistingSession_RemovesOnlyIt()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();
        var sibling = Records.Session(session.UserId);
        await storage.Sessions.CreateAsync(session, Ct);
        await storage.Sessions.CreateAsync(sibling, Ct);

        await storage.Sessions.DeleteAsync(session.UserId, session.SessionId, Ct);

        Assert.Null(await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct));
        Assert.NotNull(await storage.Sessions.GetAsync(sibling.UserId, sibling.SessionId, Ct));
    }

    [Fact]
    public async Task DeleteAsync_MissingSession_DoesNotThrow()
    {
        await using var storage = await StoreHarness.CreateAsync();

        await storage.Sessions.DeleteAsync(Records.NewId(), Records.NewId(), Ct);

        Assert.Equal(1, storage.Counter.Count);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(100, 2)]
    [InlineData(150, 3)]
    public async Task DeleteAllAsync_UserWithSessions_DeletesOnlyThatUsersPartition(int sessions, int roundTrips)
    {
        await using var storage = await StoreHarness.CreateAsync();
        var userId = Records.NewId();
        var otherUserId = Records.NewId();
        await SeedAsync(storage, userId, sessions);
        await SeedAsync(storage, otherUserId, 3);
        storage.Counter.Reset();

        var deleted = await storage.Sessions.DeleteAllAsync(userId, Ct);

        Assert.Equal(sessions, deleted);
        Assert.True(roundTrips == storage.Counter.Count, string.Join(", ", storage.Counter.Requests));
        var table = storage.Client.GetTableClient(storage.SessionsTable);
        Assert.Empty(await RowKeysAsync(table, userId));
        Assert.Equal(3, (await RowKeysAsync(table, otherUserId)).Count);
    }

    [Fact]
    public async Task DeleteAllAsync_SessionDeletedBetweenQueryAndBatch_DeletesTheRest()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var userId = Records.NewId();
        var sessions = Enumerable.Range(0, 5).Select(_ => Records.Session(userId)).ToList();
        foreach (var session in sessions)
        {
            await storage.Sessions.CreateAsync(session, Ct);
        }

        // A logout on another instance lands after the keys were read and before the batch is sent.
        var racer = new BeforeSendPolicy(
            message => message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal),
            () => storage.Sessions.DeleteAsync(userId, sessions[2].SessionId, Ct));
        var options = TableStorageServiceCollectionExtensions.CreateClientOptions();
        options.AddPolicy(racer, HttpPipelinePosition.PerCall);
        var client = new TableServiceClient(TestStorage.ConnectionString, options);
        var store = new TableSessionStore(
            client, storage.SessionsTable, new TableProvisioner(client, [storage.SessionsTable]));

        var deleted = await store.DeleteAllAsync(userId, Ct);

        Assert.Equal(4, deleted);
        Assert.Empty(await RowKeysAsync(storage.Client.GetTableClient(storage.SessionsTable), userId));
    }

    private static async Task SeedAsync(StoreHarness storage, string userId, int count)
    {
        // Seeded through batches so setup stays quick; the store's own CreateAsync is covered above.
        var table = storage.Client.GetTableClient(storage.SessionsTable);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            var actions = chunk.Select(_ => new TableTransactionAction(
                TableTransactionActionType.Add, new TableEntity(userId, Records.NewId()) { ["Email"] = "x@example.com" }));
            await table.SubmitTransactionAsync(actions, Ct);
        }
    }

    private static async Task<List<string>> RowKeysAsync(TableClient table, string userId)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {userId}"), select: ["RowKey"], cancellationToken: Ct))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
