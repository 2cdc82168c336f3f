using Azure;
using Azure.Data.Tables;

namespace FuncAuth.Storage;

/// <summary>
/// The storage half of the session clean-up: a filtered scan of the sessions table that fetches only keys and expiry
/// fields, page by page from a continuation token, and ETag-conditional deletes in entity-group transactions (one
/// partition, at most <see cref="MaxBatchSize"/> rows each). What may be deleted is decided by the caller.
/// </summary>
public sealed class TableSessionSweeper(TableServiceClient client, string tableName, TableProvisioner provisioner)
{
    /// <summary>The most entities Table Storage returns in one query response.</summary>
    public const int PageSize = 1000;

    /// <summary>Table Storage's limit of actions in one entity-group transaction.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Transactions tried for one batch before what is left is handed back to the next pass.</summary>
    internal const int MaxRounds = 8;

    private static readonly string[] Projection =
    [
        "PartitionKey", "RowKey", nameof(SessionEntity.RefreshExpiresAt), nameof(SessionEntity.AbsoluteExpiresAt), nameof(SessionEntity.RevokedAt),
    ];

    private readonly TableClient _table = client.GetTableClient(tableName);

    /// <summary>
    /// The page at <paramref name="continuationToken"/> (null: the first) of the rows whose refresh or absolute expiry
    /// is at or before <paramref name="now"/>: a superset of what can be deleted (revoked rows are judged by the caller).
    /// </summary>
    public Task<SessionSweepPage> ReadPageAsync(string? continuationToken, DateTimeOffset now, CancellationToken cancellationToken) =>
        provisioner.RunAsync("scanning expired sessions", async () =>
        {
            // Typed values through CreateQueryFilter: the instant is formatted as an OData datetime, never spliced in.
            // (The property names are literal: an interpolated string would be quoted as a string value.)
            var utcNow = now.ToUniversalTime();
            var filter = TableClient.CreateQueryFilter($"RefreshExpiresAt le {utcNow} or AbsoluteExpiresAt le {utcNow}");
            var pages = _table.QueryAsync<TableEntity>(filter, PageSize, Projection, cancellationToken).AsPages(continuationToken, PageSize);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                var rows = new List<SessionExpiryRow>(page.Values.Count);
                var unreadable = new List<string>();
                foreach (var entity in page.Values)
                {
                    if (TryRead(entity, out var row, out var property))
                    {
                        rows.Add(row);
                    }
                    else
                    {
                        unreadable.Add(property);
                    }
                }

                return new SessionSweepPage(rows, unreadable, page.ContinuationToken);
            }

            return new SessionSweepPage([], [], null);
        }, cancellationToken);

    /// <summary>
    /// Deletes <paramref name="rows"/> (one partition, at most <see cref="MaxBatchSize"/>), each only in the version
    /// it was read in. A row deleted meanwhile (a logout; or this batch itself, landed but its answer lost and the
    /// SDK's resend refused) or written meanwhile (rotated, revoked) fails the whole transaction with 404 or 412; one
    /// query over the batch's key range then tells which rows are still there unchanged, and only those are resent.
    /// </summary>
    public Task<SessionSweepBatchResult> DeleteAsync(IReadOnlyList<SessionExpiryRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxBatchSize || rows.Any(r => r.UserId != rows[0].UserId))
        {
            throw new ArgumentException($"A batch holds 1 to {MaxBatchSize} rows of one partition.", nameof(rows));
        }

        return provisioner.RunAsync("deleting expired sessions", async () =>
        {
            var pending = rows.ToList();
            int alreadyGone = 0, changed = 0;
            for (var round = 0; round < MaxRounds && pending.Count > 0; round++)
            {
                var actions = pending.Select(r => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(r.UserId, r.SessionId), new ETag(r.ETag)));
                try
                {
                    await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                    return new SessionSweepBatchResult(pending.Count, alreadyGone, changed, 0);
                }
                catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
                {
                    var current = await ReadVersionsAsync(pending, cancellationToken).ConfigureAwait(false);
                    var unchanged = pending.Where(r => current.TryGetValue(r.SessionId, out var etag) && etag == r.ETag).ToList();
                    var gone = pending.Count(r => !current.ContainsKey(r.SessionId));
                    alreadyGone += gone;
                    changed += pending.Count - unchanged.Count - gone;
                    pending = unchanged;
                }
            }

            return new SessionSweepBatchResult(0, alreadyGone, changed, pending.Count);
        }, cancellationToken);
    }

    /// <summary>The current ETag of every row in the key range of <paramref name="rows"/> (one partition).</summary>
    private async Task<Dictionary<string, string>> ReadVersionsAsync(List<SessionExpiryRow> rows, CancellationToken cancellationToken)
    {
        var first = rows.Select(r => r.SessionId).Min(StringComparer.Ordinal)!;
        var last = rows.Select(r => r.SessionId).Max(StringComparer.Ordinal)!;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {rows[0].UserId} and RowKey ge {first} and RowKey le {last}");
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, PageSize, ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            versions[entity.RowKey] = entity.ETag.ToString();
        }

        return versions;
    }

    /// <summary>Reads the projected fields; a row whose fields are missing or of another type is reported, not thrown.</summary>
    private static bool TryRead(TableEntity entity, out SessionExpiryRow row, out string property)
    {
        row = null!;
        if (!TryGetInstant(entity, nameof(SessionEntity.RefreshExpiresAt), out var refresh))
        {
            property = nameof(SessionEntity.RefreshExpiresAt);
            return false;
        }

        if (!TryGetInstant(entity, nameof(SessionEntity.AbsoluteExpiresAt), out var absolute))
        {
            property = nameof(SessionEntity.AbsoluteExpiresAt);
            return false;
        }

        DateTimeOffset? revoked = null;
        if (entity.TryGetValue(nameof(SessionEntity.RevokedAt), out var value) && value is not null)
        {
            if (!TryGetInstant(entity, nameof(SessionEntity.RevokedAt), out var revokedAt))
            {
                property = nameof(SessionEntity.RevokedAt);
                return false;
            }

            revoked = revokedAt;
        }

        property = "";
        row = new SessionExpiryRow(entity.PartitionKey, entity.RowKey, entity.ETag.ToString(), refresh, absolute, revoked);
        return true;
    }

    // The client types Edm.DateTime values as DateTimeOffset; anything else (a string, a number) is not a date.
    private static bool TryGetInstant(TableEntity entity, string name, out DateTimeOffset instant)
    {
        if (entity.TryGetValue(name, out var value) && value is DateTimeOffset offset)
        {
            instant = offset.ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }
}
