using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncAuth.TestSupport.Tables;

/// <summary>
/// "The write landed but the response was lost": for the first request that matches, sends it (so storage applies it)
/// and then throws a retriable network error instead of returning the answer, as a connection reset or client-side
/// timeout after the server committed would. Placed per retry, so the SDK's own retry policy resends the request.
/// </summary>
public sealed class LostResponsePolicy(Func<HttpMessage, bool> matches, int skip = 0) : HttpPipelinePolicy
{
    private int _seen;
    private int _fired;

    /// <summary>Nothing is lost until a test arms the policy (after its own set-up calls).</summary>
    public bool Armed { get; set; }

    /// <summary>True once a response has been thrown away.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>
    /// Matches successful requests by method and a fragment of the path (e.g. <c>("PUT", "fnsessions")</c>); the
    /// response of the (<paramref name="skip"/> + 1)-th match after arming is lost.
    /// </summary>
    public static LostResponsePolicy For(string method, string pathFragment, int skip = 0) => new(message =>
        message.Request.Method.Method == method && message.Request.Uri.Path.Contains(pathFragment, StringComparison.Ordinal), skip);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        ThrowIfFirstMatch(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        ThrowIfFirstMatch(message);
    }

    private void ThrowIfFirstMatch(HttpMessage message)
    {
        if (Armed && message.Response.Status is >= 200 and < 300 && matches(message)
            && Interlocked.Increment(ref _seen) == skip + 1 && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            throw new IOException("Injected fault: the request was applied, its response lost.");
        }
    }
}
