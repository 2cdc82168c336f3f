using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace DevHostSample;

/// <summary>GET /api/website-hostname → the worker's WEBSITE_HOSTNAME as plain text (empty when unset): the one variable the DevHost must set.</summary>
public static class WebsiteHostnameFunction
{
    [Function("website-hostname")]
    public static HttpResponseData Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req)
    {
        var response = req.CreateResponse(HttpStatusCode.OK);
        response.WriteString(Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") ?? "");
        return response;
    }
}
