using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncAuth.TestSupport.Tables;

/// <summary>Runs a test's action just before a matching request is sent: a way to stage a race at an exact point.</summary>
public sealed class BeforeSendPolicy(Func<HttpMessage, bool> matches, Func<Task> action) : HttpPipelinePolicy
{
    private int _fired;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        FireAsync(message).GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await FireAsync(message);
        await ProcessNextAsync(message, pipeline);
    }

    private Task FireAsync(HttpMessage message) =>
        matches(message) && Interlocked.Exchange(ref _fired, 1) == 0 ? action() : Task.CompletedTask;
}
