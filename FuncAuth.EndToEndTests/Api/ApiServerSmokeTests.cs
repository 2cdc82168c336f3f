using System.Net;

namespace FuncAuth.EndToEndTests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class ApiServerSmokeTests(ApiServerFixture server)
{
    [Fact]
    public async Task HealthAnswers200OverRealHttp()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("healthy", await response.Content.ReadAsStringAsync());
    }
}
