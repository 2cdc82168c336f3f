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
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            logger.ClientAborted(function.Name);
            return;
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's verdict on the body as it arrived: it ended before Content-Length (400), came too slowly
            // (408, MinRequestBodyDataRate) or outgrew MaxRequestBodySize (413). The worker is never called.
            logger.BodyUnreadable(function.Name, e.StatusCode, e.Message);
            await DevHostProblem.WriteAsync(context, e.StatusCode, UnreadableBodyDetail(e.StatusCode));
            return;
        }
        catch (WorkerUnavailableException e)
        {
            logger.WorkerUnavailable(function.Name, e.Message);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            // The worker already logged the exception through RpcLog; the host's ExceptionMiddleware answers 500, empty.
            logger.InvocationFailed(function.Name, response.InvocationId, elapsed, response.Result?.Exception?.Message);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        logger.InvocationSucceeded(function.Name, response.InvocationId, elapsed);
        await InvocationResponseWriter.WriteAsync(context, function, response, logger);
        if (clock.TryRecordFirstSuccess(context.Response.StatusCode) is { } sinceLaunch)
        {
            logger.ColdStart(context.Response.StatusCode, (int)sinceLaunch.TotalMilliseconds);
        }
    }

    private static string UnreadableBodyDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request body ended before the length its Content-Length header declared.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        StatusCodes.Status413RequestEntityTooLarge => "The request body is larger than this DevHost accepts (--max-request-body-size).",
        _ => "The request body could not be read.",
    };

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
