namespace FuncAuth.TestSupport.Functions;

/// <summary>A fresh <see cref="FunctionTestHost"/> (tables of its own) per test, and a contract-level client on it.</summary>
public abstract class FunctionTestBase : IAsyncLifetime
{
    protected FunctionTestHost Host { get; private set; } = null!;

    protected ApiClient Api { get; private set; } = null!;

    /// <summary>Changes settings before the host starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Host = await FunctionTestHost.StartAsync(Configure);
        Api = new ApiClient(Host);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
