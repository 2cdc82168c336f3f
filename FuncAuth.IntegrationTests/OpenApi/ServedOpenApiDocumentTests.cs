using System.Net;
using System.Text;
using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.OpenApi;
using Microsoft.OpenApi;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary><c>GET /api/openapi.json</c> through the real middleware chain.</summary>
public sealed class ServedOpenApiDocumentTests : FunctionTestBase
{
    private static readonly TestRequest DocumentRequest = TestRequest.Get("/api/openapi.json");

    [Fact]
    public async Task TheServedDocumentIsOpenApi30ThatTheReaderParsesWithoutErrorsOrWarnings()
    {
        var response = await Host.SendAsync(DocumentRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        var result = OpenApiDocuments.Parse(((MemoryStream)response.Body).ToArray());
        Assert.Equal("", OpenApiDocuments.Diagnostics(result));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic!.SpecificationVersion);
        Assert.StartsWith("3.0.", response.BodyJson.GetProperty("openapi").GetString());
        Assert.Equal("/api", Assert.Single(result.Document!.Servers!).Url);
    }

    [Fact]
    public async Task TheDocumentIsAnonymousAndCacheableForFiveMinutes()
    {
        var response = await Host.SendAsync(DocumentRequest.WithHeader("Origin", "https://elsewhere.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Header("Cache-Control"));
        Assert.Empty(response.SetCookies);
    }

    [Fact]
    public async Task TheDocumentIsTheSameWhateverHostTheRequestNames()
    {
        var ours = await Host.SendAsync(DocumentRequest);
        var rebound = await Host.SendAsync(DocumentRequest with { Headers = [new("Host", "attacker.example")] });

        Assert.Equal(ours.BodyText, rebound.BodyText);
        Assert.DoesNotContain("attacker.example", rebound.BodyText);
        Assert.DoesNotContain("localhost", rebound.BodyText);
    }

    [Fact]
    public async Task TheServedDocumentIsWhatTheCodeGeneratesForTheDefaultSettings()
    {
        var response = await Host.SendAsync(DocumentRequest);

        Assert.Equal(Encoding.UTF8.GetString(OpenApiDocuments.DefaultJson), response.BodyText);
    }
}
