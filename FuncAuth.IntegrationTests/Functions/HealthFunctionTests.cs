using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.Functions;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task HealthAnswers200WhenStorageAnswers()
    {
        await using var host = await FunctionTestHost.StartAsync();

        var response = await host.SendAsync(TestRequest.Get("/api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", response.BodyJson.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthAndLoginAnswer503WithRetryAfterWhenStorageIsUnreachable()
    {
        // Port 1 on loopback refuses connections: storage is "down" without waiting for timeouts.
        await using var host = await FunctionTestHost.StartAsync(s => s["TableStorage"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;");

        var health = await host.SendAsync(TestRequest.Get("/api/health"));
        var login = await host.SendAsync(TestRequest.Post("/api/auth/login").WithJson("""{"email":"a@example.test","password":"whatever password"}"""));

        foreach (var response in new[] { health, login })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Header("Retry-After"));
            Assert.Equal("application/problem+json", response.Header("Content-Type"));
            Assert.DoesNotContain("AccountKey", response.BodyText);
        }
    }
}
