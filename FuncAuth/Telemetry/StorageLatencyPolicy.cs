using Azure.Core;
using Azure.Core.Pipeline;

namespace FuncAuth.Telemetry;

/// <summary>
/// Records every HTTP round trip of the Table client in <see cref="TelemetryNames.StorageDuration"/>. Added per retry,
/// so each attempt counts on its own: a timed-out attempt shows as one slow sample with an <c>error.type</c>, and the
/// retry that follows as another. Tags: method, coarse operation, status code; never the URL.
/// </summary>
public sealed class StorageLatencyPolicy(FuncAuthMetrics metrics, TimeProvider time) : HttpPipelinePolicy
{
    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = time.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Record(message, started, ex);
            throw;
        }

        Record(message, started, null);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = time.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception ex)
        {
            Record(message, started, ex);
            throw;
        }

        Record(message, started, null);
    }

    private void Record(HttpMessage message, long started, Exception? failure)
    {
        var status = failure is null && message.HasResponse ? message.Response.Status : (int?)null;
        var errorType = failure?.GetType().FullName ?? (status is null ? "no_response" : null);
        metrics.RecordStorageRequest(time.GetElapsedTime(started), StorageRequestKind.Of(message.Request), status, errorType);
    }
}
