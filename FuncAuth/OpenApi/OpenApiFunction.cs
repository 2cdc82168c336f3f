using System.Globalization;
using System.Net;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI description of this API, for client generators and gateways.</summary>
public sealed class OpenApiFunction(OpenApiDocumentJson document)
{
    /// <summary>200 with the document; anonymous and cacheable for a few minutes (it changes only with a deployment).</summary>
    [Function("OpenApi")]
    public HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FuncAuthOpenApi.Route)] HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add(HttpNames.Headers.ContentType, HttpNames.Values.Json);
        response.Headers.Add(HttpNames.Headers.CacheControl, string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)FuncAuthOpenApi.CacheLifetime.TotalSeconds}"));
        response.Body.Write(document.Utf8.Span);
        return response;
    }
}
