using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace DevHostSample;

/// <summary>GET /api/hello → "hi", written with WriteString (so the response has no Content-Type).</summary>
public static class HelloFunction
{
    [Function("hello")]
    public static HttpResponseData Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req)
    {
        var response = req.CreateResponse(HttpStatusCode.OK);
        response.WriteString("hi");
        return response;
    }
}
