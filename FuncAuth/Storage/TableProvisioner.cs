using Azure.Data.Tables;

namespace FuncAuth.Storage;

/// <summary>
/// Creates the tables once per process, on first use: later calls cost no round trip. A failed attempt (storage
/// down at startup) is not cached, so the next request tries again instead of the process staying broken.
/// </summary>
public sealed class TableProvisioner(TableServiceClient client, IReadOnlyList<string> tableNames)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    /// <summary>Completes when every table exists; throws <see cref="StorageUnavailableException"/> when unreachable.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _creation);
        if (current is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = CreateAllAsync();
            }

            current = _creation;
        }

        // The shared attempt must not be cancelled by one caller; each caller only stops waiting for it.
        return current.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs one storage call once the tables exist, turning an outage into <see cref="StorageUnavailableException"/>
    /// named after <paramref name="operation"/>. Domain outcomes (404, 409, 412) are the caller's to catch inside
    /// <paramref name="call"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e, cancellationToken))
        {
            throw StorageFailures.Unavailable(operation, e);
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for a call without a result.</summary>
    public Task RunAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task CreateAllAsync()
    {
        foreach (var name in tableNames)
        {
            try
            {
                await client.GetTableClient(name).CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (StorageFailures.IsUnavailable(e, CancellationToken.None))
            {
                throw StorageFailures.Unavailable("creating tables", e);
            }
        }
    }
}
