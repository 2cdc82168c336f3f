using System.Security.Cryptography;
using FuncAuth.Sessions;
using FuncAuth.Users;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>Valid records with random ids, as the services would build them.</summary>
internal static class Records
{
    // Whole milliseconds in UTC: what the services produce from TimeProvider, and exact after a round trip.
    public static readonly DateTimeOffset Now =
        DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static UserRecord User(string? email = null)
    {
        email ??= $"User.{NewId()}@Example.com";
        var normalized = email.Trim().ToLowerInvariant();
        return new UserRecord(NewId(), email.Trim(), normalized, "Ada", "AQAAAAIAA...hash", 0, null, Now, NewId());
    }

    public static SessionRecord Session(string? userId = null) => new(
        userId ?? NewId(),
        NewId(),
        "ada@example.com",
        "Ada",
        Generation: 0,
        RotatedAt: null,
        CreatedAt: Now,
        RefreshExpiresAt: Now.AddDays(1),
        AbsoluteExpiresAt: Now.AddDays(30),
        RevokedAt: null);
}
