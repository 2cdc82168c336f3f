using System.Net;
using System.Text.Json;
using FuncAuth.TestSupport.OpenApi;

namespace FuncAuth.EndToEndTests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class OpenApiOverHttpTests(ApiServerFixture server)
{
    [Fact]
    public async Task TheOpenApiDocumentIsServedAsCacheableJsonOverRealHttp()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("api/openapi.json");
        var json = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.Equal("", OpenApiDocuments.Diagnostics(OpenApiDocuments.Parse(json)));
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/auth/login", out _));
        Assert.True(paths.TryGetProperty("/openapi.json", out _));
    }
}
