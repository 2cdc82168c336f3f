using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Http;

/// <summary>
/// Refuses state-changing requests (anything but GET, HEAD and OPTIONS) from foreign origins with 403 before
/// any function runs, so a page of another site cannot log a user in, out, or rotate their session.
/// </summary>
public sealed class CrossSiteRequestMiddleware(
    RequestOriginPolicy policy,
    ILogger<CrossSiteRequestMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var request = await context.GetHttpRequestDataAsync();
        if (request is not null && !IsSafeMethod(request.Method) && !policy.IsAllowed(request))
        {
            logger.CrossSiteRequestRefused(context.FunctionDefinition.Name);
            context.GetInvocationResult().Value = ProblemResponses.Create(
                request, HttpStatusCode.Forbidden, "Cross-site requests may not change state: the Origin is not allowed.");
            return;
        }

        await next(context);
    }

    private static bool IsSafeMethod(string method) =>
        HttpMethods.Get.Equals(method, StringComparison.OrdinalIgnoreCase)
        || HttpMethods.Head.Equals(method, StringComparison.OrdinalIgnoreCase)
        || HttpMethods.Options.Equals(method, StringComparison.OrdinalIgnoreCase);

    private static class HttpMethods
    {
        public const string Get = "GET";
        public const string Head = "HEAD";
        public const string Options = "OPTIONS";
    }
}
