using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace DevHostSample;

/// <summary>
/// GET/POST /api/echo/{tag?}: returns 201 with JSON of what the worker saw (method, route value, query "q",
/// selected headers, cookies, body), a custom header, and three cookies with different attributes. Logs its X-Test
/// header, so tests can tell from the DevHost's output whether a request reached the worker.
/// </summary>
public static class EchoFunction
{
    private static readonly string[] EchoedHeaders = ["user-agent", "x-test", "x-multi", "content-type"];

    [Function("echo")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{tag?}")] HttpRequestData req,
        string? tag,
        FunctionContext context)
    {
        context.GetLogger("DevHostSample.Echo").EchoInvoked(req.Headers.TryGetValues("x-test", out var test) ? string.Join("|", test) : "");
        var headers = new Dictionary<string, string>();
        foreach (var name in EchoedHeaders)
        {
            if (req.Headers.TryGetValues(name, out var values))
            {
                headers[name] = string.Join("|", values);
            }
        }

        var payload = new EchoPayload(
            req.Method,
            tag,
            req.Query["q"],
            req.Url.ToString(),
            headers,
            req.Cookies.ToDictionary(c => c.Name, c => c.Value),
            await req.ReadAsStringAsync() ?? "");

        var response = req.CreateResponse(HttpStatusCode.Created);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        response.Headers.Add("X-Custom", "a");
        response.Cookies.Append("plain", "v 1");
        response.Cookies.Append(new HttpCookie("sid", "abc")
        {
            Domain = "localhost",
            Path = "/api",
            Expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
            MaxAge = 3600,
            Secure = true,
            SameSite = SameSite.ExplicitNone,
            HttpOnly = true,
        });
        response.Cookies.Append(new HttpCookie("lax", "1") { SameSite = SameSite.Lax });
        await response.WriteStringAsync(JsonSerializer.Serialize(payload));
        return response;
    }
}
