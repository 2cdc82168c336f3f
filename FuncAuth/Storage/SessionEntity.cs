using Azure;
using Azure.Data.Tables;
using FuncAuth.Sessions;

namespace FuncAuth.Storage;

/// <summary>
/// The sessions-table row of a <see cref="SessionRecord"/>: PartitionKey = user id, RowKey = session id.
/// Retired token hashes are one space-separated string (base64url never contains a space). Times are stored as UTC.
/// </summary>
internal sealed class SessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string CurrentTokenHash { get; set; } = "";
    public string? PreviousTokenHash { get; set; }
    public DateTimeOffset? RotatedAt { get; set; }
    public string? RetiredTokenHashes { get; set; }
    public int Generation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset RefreshExpiresAt { get; set; }
    public DateTimeOffset AbsoluteExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static SessionEntity From(SessionRecord session) => new()
    {
        PartitionKey = session.UserId,
        RowKey = session.SessionId,
        Email = session.Email,
        DisplayName = session.DisplayName,
        CurrentTokenHash = session.CurrentTokenHash,
        PreviousTokenHash = session.PreviousTokenHash,
        RotatedAt = session.RotatedAt?.ToUniversalTime(),
        RetiredTokenHashes = session.RetiredTokenHashes.Count == 0 ? null : string.Join(' ', session.RetiredTokenHashes),
        Generation = session.Generation,
        CreatedAt = session.CreatedAt.ToUniversalTime(),
        RefreshExpiresAt = session.RefreshExpiresAt.ToUniversalTime(),
        AbsoluteExpiresAt = session.AbsoluteExpiresAt.ToUniversalTime(),
        RevokedAt = session.RevokedAt?.ToUniversalTime(),
    };

    public SessionRecord ToRecord() => new(
        PartitionKey,
        RowKey,
        Email,
        DisplayName,
        CurrentTokenHash,
        PreviousTokenHash,
        RotatedAt?.ToUniversalTime(),
        RetiredTokenHashes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
        Generation,
        CreatedAt.ToUniversalTime(),
        RefreshExpiresAt.ToUniversalTime(),
        AbsoluteExpiresAt.ToUniversalTime(),
        RevokedAt?.ToUniversalTime(),
        ETag.ToString());
}
