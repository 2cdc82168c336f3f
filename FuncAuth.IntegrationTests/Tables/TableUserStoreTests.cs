using FuncAuth.TestSupport.Tables;
namespace FuncAuth.IntegrationTests.Tables;

public sealed class TableUserStoreTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task TryCreateAsync_SameNormalizedEmail_ReturnsFalseAndKeepsFirst()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var first = Records.User("  Ada.Lovelace@Example.com ");
        var second = Records.User("ada.lovelace@EXAMPLE.COM") with { DisplayName = "Mallory", PasswordHash = "other" };

        Assert.True(await storage.Users.TryCreateAsync(first, Ct));
        Assert.False(await storage.Users.TryCreateAsync(second, Ct));

        var stored = await storage.Users.FindByEmailAsync("ada.lovelace@example.com", Ct);
        Assert.NotNull(stored);
        Assert.Equal(first with { ETag = stored.ETag }, stored);
    }

    [Fact]
    public async Task TryCreateAsync_RetryOfItsOwnLandedInsert_ReturnsTrueNotTaken()
    {
        // The storage client re-sends an insert whose answer was lost; the 409 is this registration's own row.
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User();

        Assert.True(await storage.Users.TryCreateAsync(user, Ct));
        Assert.True(await storage.Users.TryCreateAsync(user, Ct));
        Assert.False(await storage.Users.TryCreateAsync(user with { RegistrationId = Records.NewId() }, Ct));
    }

    [Fact]
    public async Task FindByEmailAsync_NormalizedEmail_ReturnsEveryFieldInUtc()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User() with
        {
            FailedLoginCount = 3,
            LockedUntil = Records.Now.ToOffset(TimeSpan.FromHours(2)).AddMinutes(15),
            CreatedAt = Records.Now.ToOffset(TimeSpan.FromHours(-5)),
        };
        Assert.True(await storage.Users.TryCreateAsync(user, Ct));

        var stored = await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct);

        Assert.NotNull(stored);
        Assert.False(string.IsNullOrEmpty(stored.ETag));
        Assert.Equal(user.UserId, stored.UserId);
        Assert.Equal(user.Email, stored.Email);
        Assert.Equal(user.DisplayName, stored.DisplayName);
        Assert.Equal(user.PasswordHash, stored.PasswordHash);
        Assert.Equal(3, stored.FailedLoginCount);
        Assert.Equal(user.LockedUntil, stored.LockedUntil);
        Assert.Equal(TimeSpan.Zero, stored.LockedUntil!.Value.Offset);
        Assert.Equal(user.CreatedAt, stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
    }

    [Fact]
    public async Task FindByEmailAsync_UnknownEmail_ReturnsNull()
    {
        await using var storage = await StoreHarness.CreateAsync();

        Assert.Null(await storage.Users.FindByEmailAsync("nobody@example.com", Ct));
    }

    [Theory]
    [InlineData("a/b#c?d@example.com")]
    [InlineData("back\\slash+tag@example.com")]
    [InlineData("\"quoted ?#/\"@example.com")]
    public async Task TryCreateAsync_EmailWithCharactersKeysForbid_RoundTrips(string email)
    {
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User(email);

        Assert.True(await storage.Users.TryCreateAsync(user, Ct));
        var stored = await storage.Users.FindByEmailAsync(email, Ct);

        Assert.NotNull(stored);
        Assert.Equal(email, stored.Email);
        Assert.False(await storage.Users.TryCreateAsync(user with { RegistrationId = Records.NewId() }, Ct));
    }

    [Fact]
    public async Task TryUpdateLoginStateAsync_CurrentETag_StoresFieldsAndReturnsNewETag()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User() with { FailedLoginCount = 4, LockedUntil = Records.Now.AddMinutes(15) };
        await storage.Users.TryCreateAsync(user, Ct);
        var read = (await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct))!;

        var updated = await storage.Users.TryUpdateLoginStateAsync(
            read with { FailedLoginCount = 0, LockedUntil = null, PasswordHash = "rehashed" }, Ct);

        Assert.NotNull(updated);
        Assert.NotEqual(read.ETag, updated.ETag);
        var stored = (await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct))!;
        Assert.Equal(updated, stored);
        Assert.Null(stored.LockedUntil);
        Assert.Equal("rehashed", stored.PasswordHash);
    }

    [Fact]
    public async Task TryUpdateLoginStateAsync_StaleETag_ReturnsNullAndKeepsNewerWrite()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User();
        await storage.Users.TryCreateAsync(user, Ct);
        var read = (await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct))!;
        var newer = await storage.Users.TryUpdateLoginStateAsync(read with { FailedLoginCount = 1 }, Ct);

        var stale = await storage.Users.TryUpdateLoginStateAsync(read with { FailedLoginCount = 1 }, Ct);

        Assert.NotNull(newer);
        Assert.Null(stale);
        Assert.Equal(newer, await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct));
    }

    [Fact]
    public async Task TryUpdateLoginStateAsync_DeletedUser_ReturnsNull()
    {
        await using var storage = await StoreHarness.CreateAsync();
        var user = Records.User();
        await storage.Users.TryCreateAsync(user, Ct);
        var read = (await storage.Users.FindByEmailAsync(user.NormalizedEmail, Ct))!;
        var partitionKey = FuncAuth.Storage.UserEntity.PartitionKeyFor(user.NormalizedEmail);
        await storage.Client.GetTableClient(storage.UsersTable).DeleteEntityAsync(partitionKey, "user", cancellationToken: Ct);

        Assert.Null(await storage.Users.TryUpdateLoginStateAsync(read with { FailedLoginCount = 1 }, Ct));
    }

    [Fact]
    public async Task TryUpdateLoginStateAsync_FailuresAlternatingBetweenTwoInstances_BothSeeLockout()
    {
        const int maxFailedAttempts = 5;
        await using var storage = await StoreHarness.CreateAsync();
        var instances = new[] { storage.NewUserStore(new RequestCountingPolicy()), storage.NewUserStore(new RequestCountingPolicy()) };
        var user = Records.User();
        await storage.Users.TryCreateAsync(user, Ct);
        var lockedUntil = Records.Now.AddMinutes(15);

        // What the login service does on a wrong password: read, count one more failure, lock at the limit.
        for (var attempt = 0; attempt < maxFailedAttempts; attempt++)
        {
            var instance = instances[attempt % 2];
            var read = (await instance.FindByEmailAsync(user.NormalizedEmail, Ct))!;
            Assert.Null(read.LockedUntil);
            Assert.Equal(attempt, read.FailedLoginCount);
            var failures = read.FailedLoginCount + 1;
            var next = failures >= maxFailedAttempts
                ? read with { FailedLoginCount = 0, LockedUntil = lockedUntil }
                : read with { FailedLoginCount = failures };
            Assert.NotNull(await instance.TryUpdateLoginStateAsync(next, Ct));
        }

        foreach (var instance in instances)
        {
            var seen = (await instance.FindByEmailAsync(user.NormalizedEmail, Ct))!;
            Assert.Equal(lockedUntil, seen.LockedUntil);
        }
    }
}
