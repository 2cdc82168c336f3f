using Azure.Core;
using Azure.Data.Tables;
using FuncAuth.Storage;
using FuncAuth.TestSupport.Tables;

namespace FuncAuth.IntegrationTests.Tables;

/// <summary>
/// Both stores on a counting client over tables only this test uses. The tables exist before the counter starts,
/// so counts cover the store operations alone. Disposing deletes the tables.
/// </summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private StoreHarness(string usersTable, string sessionsTable)
    {
        UsersTable = usersTable;
        SessionsTable = sessionsTable;
        Client = CreateClient(Counter);
        Provisioner = new TableProvisioner(Client, [usersTable, sessionsTable]);
        Users = new TableUserStore(Client, usersTable, Provisioner);
        Sessions = new TableSessionStore(Client, sessionsTable, Provisioner);
    }

    public RequestCountingPolicy Counter { get; } = new();
    public TableServiceClient Client { get; }
    public TableProvisioner Provisioner { get; }
    public string UsersTable { get; }
    public string SessionsTable { get; }
    public TableUserStore Users { get; }
    public TableSessionStore Sessions { get; }

    public static async Task<StoreHarness> CreateAsync()
    {
        var harness = new StoreHarness(TestStorage.UniqueTableName("users"), TestStorage.UniqueTableName("sessions"));
        await harness.Provisioner.EnsureCreatedAsync(CancellationToken.None);
        harness.Counter.Reset();
        return harness;
    }

    /// <summary>The production client options plus a counter, as the app would build them.</summary>
    public static TableServiceClient CreateClient(RequestCountingPolicy counter, string? connectionString = null)
    {
        var options = TableStorageServiceCollectionExtensions.CreateClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        return new TableServiceClient(connectionString ?? TestStorage.ConnectionString, options);
    }

    /// <summary>A second user store on its own client over the same table: another instance of the app.</summary>
    public TableUserStore NewUserStore(RequestCountingPolicy? counter = null)
    {
        var client = counter is null ? Client : CreateClient(counter);
        return new TableUserStore(client, UsersTable, new TableProvisioner(client, [UsersTable]));
    }

    public async ValueTask DisposeAsync()
    {
        var cleanup = new TableServiceClient(TestStorage.ConnectionString);
        await cleanup.DeleteTableAsync(UsersTable);
        await cleanup.DeleteTableAsync(SessionsTable);
    }
}
