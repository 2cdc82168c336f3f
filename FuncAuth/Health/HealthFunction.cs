using System.Net;
using FuncAuth.Http;
using FuncAuth.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Health;

/// <summary><c>GET /api/health</c>: can this instance reach Table Storage?</summary>
public sealed class HealthFunction(StorageHealthProbe probe)
{
    /// <summary>200 <c>{"status":"healthy"}</c>; 503 with Retry-After (from <see cref="ExceptionMiddleware"/>) when storage is unreachable.</summary>
    [Function("Health")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpNames.Routes.Health)] HttpRequestData request,
        FunctionContext context)
    {
        await probe.CheckAsync(context.CancellationToken);
        var response = JsonResponses.Create(request, HttpStatusCode.OK, new HealthResponse("healthy"), HealthJsonContext.Default.HealthResponse);
        return response.NoStore();
    }
}
