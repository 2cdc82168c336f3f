using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Lets the DevHost tests see what a worker that dies during start-up looks like.
if (Environment.GetEnvironmentVariable("DEVHOST_SAMPLE_CRASH_AT_START") == "1")
{
    throw new InvalidOperationException("DevHostSample was told to crash at start (DEVHOST_SAMPLE_CRASH_AT_START=1).");
}

var builder = FunctionsApplication.CreateBuilder(args);
builder.Build().Run();
