using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Http;

/// <summary>Writes JSON bodies with source-generated metadata (no reflection, no worker serializer needed).</summary>
public static class JsonResponses
{
    /// <summary>Creates a response with a JSON body.</summary>
    public static HttpResponseData Create<T>(HttpRequestData request, HttpStatusCode status, T value, JsonTypeInfo<T> typeInfo)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add(HttpNames.Headers.ContentType, HttpNames.Values.Json);
        response.Body.Write(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        return response;
    }

    /// <summary>Marks a response that carries credentials as never to be stored by caches.</summary>
    public static HttpResponseData NoStore(this HttpResponseData response)
    {
        response.Headers.Remove(HttpNames.Headers.CacheControl);
        response.Headers.Add(HttpNames.Headers.CacheControl, HttpNames.Values.NoStore);
        return response;
    }
}
