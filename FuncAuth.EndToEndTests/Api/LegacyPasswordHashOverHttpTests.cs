using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using FuncAuth.TestSupport.Tables;
using Microsoft.AspNetCore.Identity;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>Accounts created before Argon2id: their PBKDF2 (Identity V3) hashes keep working and are upgraded at login.</summary>
public sealed class LegacyPasswordHashOverHttpTests(OwnServerFixture server) : IClassFixture<OwnServerFixture>
{
    [Fact]
    public async Task AnAccountWithAnOldPbkdf2HashLogsInAndIsStoredAsArgon2idAfterwards()
    {
        var email = $"legacy-{Guid.NewGuid():N}@example.test";
        var users = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(server.UsersTable);
        var partition = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)));
        await users.CreateIfNotExistsAsync();
        var legacyHash = new PasswordHasher<object>().HashPassword(new object(), BrowserLikeClient.Password);
        await users.UpsertEntityAsync(new TableEntity(partition, "user")
        {
            ["UserId"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["Email"] = email,
            ["NormalizedEmail"] = email,
            ["DisplayName"] = "Legacy",
            ["PasswordHash"] = legacyHash,
            ["FailedLoginCount"] = 0,
            ["CreatedAt"] = DateTimeOffset.UtcNow.AddYears(-1),
            ["RegistrationId"] = "before-argon2id",
        });
        using var browser = new BrowserLikeClient(server.Host.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(email)).StatusCode);

        var stored = (await users.GetEntityAsync<TableEntity>(partition, "user")).Value.GetString("PasswordHash");
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", stored, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync(email, "not the password, but long")).StatusCode);
    }
}
