using Azure;
using Azure.Data.Tables;
using FuncAuth.Sessions;

namespace FuncAuth.Storage;

/// <summary>
/// The sessions-table row of a <see cref="SessionRecord"/>: PartitionKey = user id, RowKey = session id.
/// Constant size whatever the number of rotations. Times are stored as UTC.
/// </summary>
internal sealed class SessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int Generation { get; set; }
    public DateTimeOffset? RotatedAt { get; set; }
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
        Generation = session.Generation,
        RotatedAt = session.RotatedAt?.ToUniversalTime(),
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
        Generation,
        RotatedAt?.ToUniversalTime(),
        CreatedAt.ToUniversalTime(),
        RefreshExpiresAt.ToUniversalTime(),
        AbsoluteExpiresAt.ToUniversalTime(),
        RevokedAt?.ToUniversalTime(),
        ETag.ToString());
}
