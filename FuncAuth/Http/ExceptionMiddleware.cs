using System.Net;
using FuncAuth.Passwords;
using FuncAuth.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Http;

/// <summary>
/// Outermost middleware: storage outages and a saturated hashing gate become 503 with <c>Retry-After</c>; any other unexpected exception a
/// 500 problem that says nothing about the exception (the log has it). Never a stack trace on the wire.
/// </summary>
public sealed class ExceptionMiddleware(ILogger<ExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>What a 503 asks clients to wait.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            var request = await context.GetHttpRequestDataAsync();
            if (request is null)
            {
                throw;
            }

            if (Find<PasswordHashingBusyException>(ex) is { } busy)
            {
                // Overload, not an error: this instance is hashing at capacity and sheds the request at once.
                logger.HashingAtCapacity(context.FunctionDefinition.Name);
                context.GetInvocationResult().Value = ProblemResponses.WithRetryAfter(
                    request, HttpStatusCode.ServiceUnavailable, "The service is busy checking other passwords; try again shortly.", busy.RetryAfter);
                return;
            }

            if (Find<StorageUnavailableException>(ex) is not null)
            {
                logger.StorageUnavailableInFunction(context.FunctionDefinition.Name, ex);
                context.GetInvocationResult().Value = ProblemResponses.WithRetryAfter(
                    request, HttpStatusCode.ServiceUnavailable, "Storage is unavailable; try again shortly.", StorageRetryAfter);
                return;
            }

            logger.UnhandledException(context.FunctionDefinition.Name, ex);
            context.GetInvocationResult().Value = ProblemResponses.Create(
                request, HttpStatusCode.InternalServerError, "An unexpected error occurred.");
        }
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }
        }

        return null;
    }
}
