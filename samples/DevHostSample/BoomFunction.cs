using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace DevHostSample;

/// <summary>GET /api/boom always throws: the DevHost must answer 500 with an empty body. Function level, like a keyed function.</summary>
public static class BoomFunction
{
    [Function("boom")]
    public static HttpResponseData Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequestData req) =>
        throw new InvalidOperationException($"boom ({req.Method})");
}
