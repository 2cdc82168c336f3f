using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncAuth.TestSupport.Tables;

/// <summary>Runs <see cref="Action"/> before every matching request is sent (each attempt): e.g. a clock that moves per call.</summary>
public sealed class BeforeEachSendPolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    public Action? Action { get; set; }

    /// <summary>Matches requests by method and a fragment of the path (e.g. <c>("POST", "$batch")</c>).</summary>
    public static BeforeEachSendPolicy For(string method, string pathFragment) => new(message =>
        message.Request.Method.Method == method && message.Request.Uri.Path.Contains(pathFragment, StringComparison.Ordinal));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fire(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fire(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Fire(HttpMessage message)
    {
        if (matches(message))
        {
            Action?.Invoke();
        }
    }
}
