using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Lets the DevHost tests see what a worker that dies during start-up looks like.
if (Environment.GetEnvironmentVariable("DEVHOST_SAMPLE_CRASH_AT_START") == "1")
{
    throw new InvalidOperationException("DevHostSample was told to crash at start (DEVHOST_SAMPLE_CRASH_AT_START=1).");
}

// Widens the start-up window deterministically, for the test of a request that arrives before the worker is ready.
if (int.TryParse(Environment.GetEnvironmentVariable("DEVHOST_SAMPLE_START_DELAY_MS"), out var delay))
{
    Thread.Sleep(delay);
}

var builder = FunctionsApplication.CreateBuilder(args);
builder.Build().Run();
