using System.Diagnostics;
using FuncAuth.DevHost.Rpc;
using FuncAuth.DevHost.Worker;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// The public HTTP pipeline's terminal handler: waits for the worker, routes, invokes, writes the response.
/// </summary>
internal sealed class HttpFunctionEndpoint(WorkerChannel channel, StartupClock clock, ILogger<HttpFunctionEndpoint> logger)
{
    /// <summary>ScriptConstants.HostTimeoutSeconds: how long the host holds a request while it is not running yet.</summary>
    public static readonly TimeSpan HostStartTimeout = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(HttpContext context)
    {
        var routes = await WaitForWorkerAsync(context);
        if (routes is null)
        {
            // HostAvailabilityCheckMiddleware's answer.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Function host is not running.");
            return;
        }

        var match = await routes.MatchAsync(context);
        if (match is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var function = match.Route.Function;
        var started = Stopwatch.GetTimestamp();
        InvocationResponse response;
        try
        {
            var request = await InvocationRequestBuilder.BuildAsync(context, match, context.RequestAborted);
            response = await channel.InvokeAsync(request, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("The client aborted a call to {Function}; the invocation was cancelled.", function.Name);
            return;
        }
        catch (WorkerUnavailableException e)
        {
            logger.LogError("Cannot invoke {Function}: {Reason}", function.Name, e.Message);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            // The worker already logged the exception through RpcLog; the host's ExceptionMiddleware answers 500, empty.
            logger.LogError(
                "Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={Duration}ms): {Reason}",
                function.Name,
                response.InvocationId,
                (int)elapsed.TotalMilliseconds,
                response.Result?.Exception?.Message);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        logger.LogDebug(
            "Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)",
            function.Name,
            response.InvocationId,
            (int)elapsed.TotalMilliseconds);
        await InvocationResponseWriter.WriteAsync(context, function, response, logger);
        if (clock.TryRecordFirstSuccess(context.Response.StatusCode) is { } sinceLaunch)
        {
            logger.LogInformation(
                "Cold start: first {Status} response {Elapsed} ms after the worker was launched.",
                context.Response.StatusCode,
                (int)sinceLaunch.TotalMilliseconds);
        }
    }

    /// <summary>Requests that arrive during start-up are held until the functions are loaded, for at most 30 s.</summary>
    private async Task<FunctionRouteTable?> WaitForWorkerAsync(HttpContext context)
    {
        var ready = channel.Ready;
        if (!ready.IsCompleted)
        {
            try
            {
                await ready.WaitAsync(HostStartTimeout, context.RequestAborted);
            }
            catch (Exception)
            {
                // Timed out, the client left, or start-up failed (the lifetime service reports why and stops the
                // DevHost): in every case this request gets the host's 503.
                return null;
            }
        }

        return ready.IsCompletedSuccessfully ? ready.Result : null;
    }
}
