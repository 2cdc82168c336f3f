using FuncAuth.Sessions;
using FuncAuth.Users;
using Xunit.Abstractions;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>Storage round trips per store operation: the budget the login, refresh and logout targets rely on.</summary>
public sealed class StoreRoundTripTests(ITestOutputHelper output)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task UserStoreOperations_EachOperation_IsOneRoundTrip()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User();

        await AssertRoundTrips(storage, 1, "users.TryCreate", () => storage.Users.TryCreateAsync(user, Ct));
        // A conflict reads the row's registration id to tell a taken email from a retry of this registration.
        await AssertRoundTrips(storage, 2, "users.TryCreate (conflict)", () => storage.Users.TryCreateAsync(user with { RegistrationId = Records.NewId() }, Ct));
        UserRecord? read = null;
        await AssertRoundTrips(storage, 1, "users.FindByEmail", async () => read = await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct));
        await AssertRoundTrips(storage, 1, "users.FindByEmail (missing)", () => storage.Users.FindByEmailAsync("none@example.com", Ct));
        await AssertRoundTrips(storage, 1, "users.TryUpdateLoginState", () => storage.Users.TryUpdateLoginStateAsync(read! with { FailedLoginCount = 1 }, Ct));
        await AssertRoundTrips(storage, 1, "users.TryUpdateLoginState (stale)", () => storage.Users.TryUpdateLoginStateAsync(read! with { FailedLoginCount = 1 }, Ct));
    }

    [Fact]
    public async Task SessionStoreOperations_EachPointOperation_IsOneRoundTrip()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var session = Records.Session();

        await AssertRoundTrips(storage, 1, "sessions.Create", () => storage.Sessions.CreateAsync(session, Ct));
        SessionRecord? read = null;
        await AssertRoundTrips(storage, 1, "sessions.Get", async () => read = await storage.Sessions.GetAsync(session.UserId, session.SessionId, Ct));
        await AssertRoundTrips(storage, 1, "sessions.TryReplace", () => storage.Sessions.TryReplaceAsync(read! with { Generation = 1 }, Ct));
        await AssertRoundTrips(storage, 1, "sessions.TryReplace (stale)", () => storage.Sessions.TryReplaceAsync(read! with { Generation = 1 }, Ct));
        await AssertRoundTrips(storage, 1, "sessions.Revoke", () => storage.Sessions.RevokeAsync(session.UserId, session.SessionId, Records.Now, Ct));
        await AssertRoundTrips(storage, 1, "sessions.Create (retried)", () => storage.Sessions.CreateAsync(session, Ct));
        await AssertRoundTrips(storage, 1, "sessions.Delete", () => storage.Sessions.DeleteAsync(session.UserId, session.SessionId, Ct));
        await AssertRoundTrips(storage, 1, "sessions.Delete (missing)", () => storage.Sessions.DeleteAsync(session.UserId, session.SessionId, Ct));
    }

    [Fact]
    public async Task DeleteAllAsync_ThreeSessions_IsOneKeysOnlyPartitionQueryPlusOneBatch()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var userId = Records.NewId();
        for (var i = 0; i < 3; i++)
        {
            await storage.Sessions.CreateAsync(Records.Session(userId), Ct);
        }

        await AssertRoundTrips(storage, 2, "sessions.DeleteAll (3)", () => storage.Sessions.DeleteAllAsync(userId, Ct));

        var query = storage.Counter.Requests[0];
        Assert.StartsWith("GET ", query);
        Assert.Contains($"$filter=PartitionKey eq '{userId}'", query);
        Assert.Contains("$select=RowKey", query);
        Assert.StartsWith("POST ", storage.Counter.Requests[1]);
        Assert.EndsWith("$batch", storage.Counter.Requests[1]);
    }

    [Fact]
    public async Task Provisioner_AfterFirstSuccess_CostsNoRoundTrip()
    {
        await using var storage = await StoreHarness.CreateAsync();

        await AssertRoundTrips(storage, 0, "provisioner (tables exist)", () => storage.Provisioner.EnsureCreatedAsync(Ct));
    }

    private async Task AssertRoundTrips(StoreHarness storage, int expected, string operation, Func<Task> act)
    {
        storage.Counter.Reset();
        await act();
        var requests = storage.Counter.Requests;
        output.WriteLine($"{operation}: {requests.Count} [{string.Join(", ", requests)}]");
        Assert.True(expected == requests.Count, $"{operation}: expected {expected}, got {string.Join(", ", requests)}");
    }
}
