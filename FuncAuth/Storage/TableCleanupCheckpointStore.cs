using Azure.Data.Tables;

namespace FuncAuth.Storage;

/// <summary>
/// The clean-up's <see cref="CleanupCheckpoint"/>: one row in a table of its own (PartitionKey
/// <see cref="PartitionKey"/>, RowKey = the name of the sessions table it scans), so the sessions table holds only
/// sessions and a renamed sessions table starts a scan of its own. Written unconditionally: two overlapping runs
/// (a manual run during a scheduled one) can only move the position within the same pass or restart it, and every
/// row is still scanned by a later pass.
/// </summary>
public sealed class TableCleanupCheckpointStore(
    TableServiceClient client, string tableName, string scannedTableName, TableProvisioner provisioner)
{
    /// <summary>The partition of session clean-up checkpoints.</summary>
    public const string PartitionKey = "session-cleanup";

    private const string ContinuationProperty = "ContinuationToken";
    private const string PassStartedProperty = "PassStartedAt";
    private const string LastPassCompletedProperty = "LastPassCompletedAt";

    private readonly TableClient _table = client.GetTableClient(tableName);

    /// <summary>
    /// The stored checkpoint; <see cref="CleanupCheckpoint.None"/> when there is none. A row whose fields have other
    /// types than this class writes reads as null fields (the scan then restarts from the beginning).
    /// </summary>
    public Task<CleanupCheckpoint> ReadAsync(CancellationToken cancellationToken) =>
        provisioner.RunAsync("reading the clean-up checkpoint", async () =>
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(
                PartitionKey, scannedTableName, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.HasValue)
            {
                return CleanupCheckpoint.None;
            }

            var row = response.Value!;
            return new CleanupCheckpoint(
                row.TryGetValue(ContinuationProperty, out var token) ? token as string : null,
                Instant(row, PassStartedProperty),
                Instant(row, LastPassCompletedProperty));
        }, cancellationToken);

    /// <summary>Replaces the checkpoint (a retry after a lost answer writes the same row again).</summary>
    public Task SaveAsync(CleanupCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return provisioner.RunAsync("saving the clean-up checkpoint", async () =>
        {
            var row = new TableEntity(PartitionKey, scannedTableName)
            {
                [ContinuationProperty] = checkpoint.ContinuationToken,
                [PassStartedProperty] = checkpoint.PassStartedAt?.ToUniversalTime(),
                [LastPassCompletedProperty] = checkpoint.LastPassCompletedAt?.ToUniversalTime(),
            };
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static DateTimeOffset? Instant(TableEntity row, string name) =>
        row.TryGetValue(name, out var value) && value is DateTimeOffset instant ? instant.ToUniversalTime() : null;
}
