using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FuncAuth.Users;

namespace FuncAuth.Storage;

/// <summary>The users-table row of a <see cref="UserRecord"/>. Times are stored as UTC.</summary>
internal sealed class UserEntity : ITableEntity
{
    /// <summary>Every user is alone in its partition; the row key is fixed.</summary>
    public const string UserRowKey = "user";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = UserRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string UserId { get; set; } = "";
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string RegistrationId { get; set; } = "";
    public string? LoginWriteId { get; set; }

    /// <summary>
    /// Lower-case hex SHA-256 of the normalized email: emails may contain '/', '\', '#', '?' and control
    /// characters, which Table keys forbid, and the hash keeps the key length fixed.
    /// </summary>
    public static string PartitionKeyFor(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    public static UserEntity From(UserRecord user) => new()
    {
        PartitionKey = PartitionKeyFor(user.NormalizedEmail),
        RowKey = UserRowKey,
        UserId = user.UserId,
        Email = user.Email,
        NormalizedEmail = user.NormalizedEmail,
        DisplayName = user.DisplayName,
        PasswordHash = user.PasswordHash,
        FailedLoginCount = user.FailedLoginCount,
        LockedUntil = user.LockedUntil?.ToUniversalTime(),
        CreatedAt = user.CreatedAt.ToUniversalTime(),
        RegistrationId = user.RegistrationId,
        LoginWriteId = user.LoginWriteId,
    };

    public UserRecord ToRecord() => new(
        UserId,
        Email,
        NormalizedEmail,
        DisplayName,
        PasswordHash,
        FailedLoginCount,
        LockedUntil?.ToUniversalTime(),
        CreatedAt.ToUniversalTime(),
        RegistrationId,
        LoginWriteId,
        ETag.ToString());
}
