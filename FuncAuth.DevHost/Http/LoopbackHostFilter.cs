using FuncAuth.DevHost.Configuration;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// Answers 400 to a request whose <c>Host</c> is not a loopback name (<see cref="LoopbackHost"/>), before CORS,
/// routing or the worker see it: the defence against DNS rebinding for a server that checks no keys.
/// </summary>
internal sealed class LoopbackHostFilter(RequestDelegate next, DevHostOptions options, ILogger<LoopbackHostFilter> logger)
{
    /// <summary>Enough of a hostile Host value to recognise it in the log, without letting it fill the console.</summary>
    private const int LoggedHostLength = 100;

    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Headers.Host.ToString();
        if (LoopbackHost.IsAllowed(host, options.AllowRemote))
        {
            return next(context);
        }

        logger.ForeignHostRefused(host.Length > LoggedHostLength ? host[..LoggedHostLength] + "…" : host);
        return DevHostProblem.WriteAsync(
            context,
            StatusCodes.Status400BadRequest,
            "The Host header must name this machine's loopback interface (localhost, 127.0.0.1 or [::1]): the DevHost refuses other names as a defence against DNS rebinding.");
    }
}
