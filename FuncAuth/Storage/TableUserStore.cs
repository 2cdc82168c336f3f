using Azure;
using Azure.Data.Tables;
using FuncAuth.Users;

namespace FuncAuth.Storage;

/// <summary>
/// <see cref="IUserStore"/> on Table Storage: one partition per user (SHA-256 of the normalized email), so every
/// operation is a single point read or write.
/// </summary>
public sealed class TableUserStore(TableServiceClient client, string tableName, TableProvisioner provisioner) : IUserStore
{
    private readonly TableClient _table = client.GetTableClient(tableName);

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken) =>
        provisioner.RunAsync("creating a user", async () =>
        {
            var entity = UserEntity.From(user);
            try
            {
                await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Either the email is taken, or the client retried an insert whose first attempt landed but whose
                // answer was lost: the registration id written with the row tells the two apart.
                var existing = await _table.GetEntityIfExistsAsync<UserEntity>(
                    entity.PartitionKey, entity.RowKey, select: [nameof(UserEntity.RegistrationId)], cancellationToken)
                    .ConfigureAwait(false);
                return existing.HasValue && existing.Value!.RegistrationId == user.RegistrationId;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<UserRecord?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        provisioner.RunAsync("reading a user", async () =>
        {
            var response = await _table.GetEntityIfExistsAsync<UserEntity>(
                UserEntity.PartitionKeyFor(normalizedEmail), UserEntity.UserRowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return response.HasValue ? response.Value!.ToRecord() : null;
        }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Replace rather than Merge: the write is conditional on the ETag the caller read, so the caller holds the whole
    /// current row and replacing it changes only the login fields. Merge would also leave a property the caller set
    /// to null (clearing <see cref="UserRecord.LockedUntil"/>) untouched, because null properties are not sent.
    /// </remarks>
    public Task<UserRecord?> TryUpdateLoginStateAsync(UserRecord user, CancellationToken cancellationToken)
    {
        if (user.ETag is null)
        {
            throw new ArgumentException("Only a user read from the store (with an ETag) can be updated.", nameof(user));
        }

        return provisioner.RunAsync<UserRecord?>("updating a user's login state", async () =>
        {
            try
            {
                var response = await _table.UpdateEntityAsync(
                    UserEntity.From(user), new ETag(user.ETag), TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                return user with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return null;
            }
        }, cancellationToken);
    }
}
