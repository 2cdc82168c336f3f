using FuncAuth.EndToEndTests.Api;
using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>A DevHost for the sample with a request body limit of <see cref="Limit"/> bytes, set through DEVHOST_MAX_REQUEST_BODY_SIZE.</summary>
public sealed class SmallBodyLimitFixture : IAsyncLifetime
{
    public const int Limit = 64;

    public DevHostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = DevHostProcess.Start(
            RepositoryLayout.SampleApp,
            new Dictionary<string, string?> { ["DEVHOST_MAX_REQUEST_BODY_SIZE"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
