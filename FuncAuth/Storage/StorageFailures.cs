using Azure;

namespace FuncAuth.Storage;

/// <summary>Decides which storage failures mean "unavailable, try again later" (503) rather than a bug.</summary>
internal static class StorageFailures
{
    /// <summary>
    /// True for network failures, timeouts the caller did not ask for, throttling and server errors.
    /// Azure.Core reports exhausted retries as an <see cref="AggregateException"/> of the attempts' failures.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 &&
                                        aggregate.InnerExceptions.All(inner => IsUnavailable(inner, cancellationToken)),
        _ => false,
    };

    /// <summary>
    /// The exception callers see. The message names only the operation and status: storage exception texts can
    /// carry request URIs and headers, so they stay in the inner exception for diagnostics.
    /// </summary>
    public static StorageUnavailableException Unavailable(string operation, Exception exception)
    {
        var status = exception is RequestFailedException { Status: > 0 } failed ? $" (status {failed.Status})" : "";
        return new StorageUnavailableException($"Table Storage is unavailable: {operation} failed{status}.", exception);
    }
}
