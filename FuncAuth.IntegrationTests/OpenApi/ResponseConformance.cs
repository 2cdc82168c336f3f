using System.Globalization;
using System.Text.Json;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.OpenApi;
using Microsoft.OpenApi;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>Asserts that a function's real answer is one the document describes for that operation.</summary>
public static class ResponseConformance
{
    /// <summary>Headers an answer may send only where the document lists them.</summary>
    private static readonly string[] DocumentedWhenSent = ["Retry-After", "WWW-Authenticate", "Set-Cookie"];

    /// <summary>
    /// The status is documented; the body has a documented media type and matches its schema (or is empty when none is
    /// documented); every required documented header is there; Retry-After, WWW-Authenticate and Set-Cookie, when sent,
    /// are documented on that response.
    /// </summary>
    public static void AssertDocumented(DocumentedOperation operation, TestHttpResponseData response)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var responses = operation.Operation.Responses ?? [];
        Assert.True(
            responses.TryGetValue(status, out var documented),
            $"{operation} answered {status}, which the document does not list (it lists {string.Join(", ", responses.Keys)}): {response.BodyText}");

        AssertBody(operation, status, documented!, response);
        var headers = documented!.Headers ?? new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, header) in headers.Where(h => h.Value.Required))
        {
            Assert.True(Has(response, name), $"{operation} {status} lacks the documented required header {name}.");
        }

        foreach (var name in DocumentedWhenSent.Where(n => Has(response, n)))
        {
            Assert.True(headers.ContainsKey(name), $"{operation} {status} sends {name}, which the document does not list for it.");
        }

        if (response.Header("Retry-After") is { } retryAfter)
        {
            Assert.True(long.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1, $"Retry-After: {retryAfter}");
        }
    }

    private static void AssertBody(DocumentedOperation operation, string status, IOpenApiResponse documented, TestHttpResponseData response)
    {
        if (documented.Content is not { Count: > 0 } content)
        {
            Assert.True(response.BodyText.Length == 0, $"{operation} {status} documents no body but sent: {response.BodyText}");
            return;
        }

        var mediaType = response.Header("Content-Type")?.Split(';')[0].Trim();
        Assert.True(
            mediaType is not null && content.TryGetValue(mediaType, out _),
            $"{operation} {status} sent Content-Type {mediaType}; the document lists {string.Join(", ", content.Keys)}.");
        using var body = JsonDocument.Parse(response.BodyText);
        var errors = SchemaConformance.Check(content[mediaType!].Schema!, body.RootElement);
        Assert.True(errors.Count == 0, $"{operation} {status} body breaks its schema:\n{string.Join('\n', errors)}\n{response.BodyText}");
    }

    private static bool Has(TestHttpResponseData response, string name) =>
        name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? response.SetCookies.Count > 0 : response.Header(name) is not null;
}
