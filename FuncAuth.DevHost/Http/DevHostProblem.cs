namespace FuncAuth.DevHost.Http;

/// <summary>
/// The DevHost's own refusals (foreign Host, oversized or unreadable body) as RFC 9457 <c>application/problem+json</c>,
/// like every other 4xx of the project; the worker's answers are passed through untouched.
/// </summary>
internal static class DevHostProblem
{
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        // Nothing else may travel on this connection: the unread body would otherwise be drained or parsed as a next request.
        context.Response.Headers.Connection = "close";
        return TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
    }
}
