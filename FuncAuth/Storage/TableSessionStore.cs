using Azure;
using Azure.Data.Tables;
using FuncAuth.Sessions;

namespace FuncAuth.Storage;

/// <summary>
/// <see cref="ISessionStore"/> on Table Storage: PartitionKey = user id, RowKey = session id. Every operation is a
/// point read or write, except logout-all, which stays inside the user's partition.
/// </summary>
public sealed class TableSessionStore(TableServiceClient client, string tableName, TableProvisioner provisioner)
    : ISessionStore
{
    /// <summary>Table Storage's limit of actions in one entity-group transaction.</summary>
    private const int MaxBatchSize = 100;

    private readonly TableClient _table = client.GetTableClient(tableName);

    /// <inheritdoc />
    public Task CreateAsync(SessionRecord session, CancellationToken cancellationToken) =>
        provisioner.RunAsync("creating a session", async () =>
        {
            try
            {
                await _table.AddEntityAsync(SessionEntity.From(session), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The client retried an insert whose first attempt landed but whose answer was lost: the row is ours.
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<SessionRecord?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken) =>
        provisioner.RunAsync("reading a session", async () =>
        {
            var response = await _table.GetEntityIfExistsAsync<SessionEntity>(
                userId, sessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? response.Value!.ToRecord() : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        if (session.ETag is null)
        {
            throw new ArgumentException("Only a session read from the store (with an ETag) can be replaced.", nameof(session));
        }

        return provisioner.RunAsync("replacing a session", async () =>
        {
            try
            {
                await _table.UpdateEntityAsync(
                    SessionEntity.From(session), new ETag(session.ETag), TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RevokeAsync(string userId, string sessionId, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        provisioner.RunAsync("revoking a session", async () =>
        {
            // Merge sends only RevokedAt; ETag.All makes it unconditional (a retry writes the same value again) but
            // still fails with 404 rather than creating a half row when the session is gone.
            var revocation = new TableEntity(userId, sessionId) { [nameof(SessionEntity.RevokedAt)] = revokedAt.ToUniversalTime() };
            try
            {
                await _table.UpdateEntityAsync(revocation, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string userId, string sessionId, CancellationToken cancellationToken) =>
        provisioner.RunAsync("deleting a session", async () =>
        {
            // DeleteEntityAsync already treats 404 as success, so an already-ended session costs no extra handling.
            await _table.DeleteEntityAsync(userId, sessionId, ETag.All, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        provisioner.RunAsync("deleting a user's sessions", async () =>
        {
            var rowKeys = new List<string>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                rowKeys.Add(row.RowKey);
            }

            var deleted = 0;
            foreach (var chunk in rowKeys.Chunk(MaxBatchSize))
            {
                deleted += await DeleteBatchAsync(userId, chunk, cancellationToken).ConfigureAwait(false);
            }

            return deleted;
        }, cancellationToken);

    /// <summary>
    /// One entity-group transaction. A session deleted concurrently (a logout racing logout-all) fails the whole
    /// batch with 404; that row is dropped and the rest resubmitted, so the race costs one extra round trip.
    /// </summary>
    private async Task<int> DeleteBatchAsync(string userId, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        var actions = rowKeys
            .Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(userId, rowKey), ETag.All))
            .ToList();
        while (actions.Count > 0)
        {
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return actions.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is int index)
            {
                actions.RemoveAt(index);
            }
        }

        return 0;
    }
}
