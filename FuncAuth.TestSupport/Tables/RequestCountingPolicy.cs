using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncAuth.TestSupport.Tables;

/// <summary>
/// Counts the storage calls a client makes (added per call, so an SDK retry of the same call is not counted twice)
/// and remembers each as "METHOD path?query" (unescaped) for assertions and messages.
/// </summary>
public sealed class RequestCountingPolicy : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public int Count => _requests.Count;

    public IReadOnlyList<string> Requests => [.. _requests];

    public void Reset() => _requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message) =>
        _requests.Enqueue(Uri.UnescapeDataString($"{message.Request.Method} {message.Request.Uri.Path}{message.Request.Uri.Query}"));
}
