using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Http;

/// <summary>Writes every error answer as <c>application/problem+json</c>.</summary>
public static class ProblemResponses
{
    /// <summary>The media type of problem bodies.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>Creates a problem response for <paramref name="request"/>.</summary>
    public static HttpResponseData Create(
        HttpRequestData request,
        HttpStatusCode status,
        string detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var response = request.CreateResponse(status);
        Write(response, status, detail, errors);
        return response;
    }

    /// <summary>Writes a problem body into an existing response (which keeps its cookies and headers).</summary>
    public static void Write(
        HttpResponseData response,
        HttpStatusCode status,
        string detail,
        IReadOnlyDictionary<string, string[]>? errors = null,
        long? retryAfterSeconds = null)
    {
        var code = (int)status;
        var problem = new Problem(TypeFor(code), TitleFor(code), code, detail, errors, retryAfterSeconds);
        response.StatusCode = status;
        response.Headers.Remove(HttpNames.Headers.ContentType);
        response.Headers.Add(HttpNames.Headers.ContentType, ContentType);
        response.Headers.Remove(HttpNames.Headers.CacheControl);
        response.Headers.Add(HttpNames.Headers.CacheControl, HttpNames.Values.NoStore);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(problem, ProblemJsonContext.Default.Problem);
        response.Body.Write(bytes);
    }

    /// <summary>401 with the <c>WWW-Authenticate</c> challenge RFC 6750 asks for.</summary>
    public static HttpResponseData Unauthorized(HttpRequestData request, string detail, bool invalidToken = false)
    {
        var response = Create(request, HttpStatusCode.Unauthorized, detail);
        response.Headers.Add(HttpNames.Headers.WwwAuthenticate, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return response;
    }

    /// <summary>A problem carrying <c>Retry-After</c> (429, 503), in whole seconds, rounded up.</summary>
    public static HttpResponseData WithRetryAfter(HttpRequestData request, HttpStatusCode status, string detail, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var response = request.CreateResponse(status);
        Write(response, status, detail, retryAfterSeconds: seconds);
        response.Headers.Add(HttpNames.Headers.RetryAfter, seconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
}
