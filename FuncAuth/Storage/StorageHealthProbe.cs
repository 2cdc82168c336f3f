using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace FuncAuth.Storage;

/// <summary>
/// Proves Table Storage answers right now with one point read of a row that never exists. The provisioner
/// caches its success, so it cannot tell on its own whether storage has gone away since.
/// </summary>
public sealed class StorageHealthProbe(TableServiceClient client, TableProvisioner provisioner, IOptions<TableStorageOptions> options)
{
    /// <summary>Completes when storage answered; throws <see cref="StorageUnavailableException"/> otherwise.</summary>
    public Task CheckAsync(CancellationToken cancellationToken) =>
        provisioner.RunAsync("checking health", async () =>
        {
            await client.GetTableClient(options.Value.UsersTable)
                .GetEntityIfExistsAsync<TableEntity>("health", "probe", select: ["PartitionKey"], cancellationToken)
                .ConfigureAwait(false);
        }, cancellationToken);
}
