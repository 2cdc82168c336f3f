using System.Net;
using System.Net.Http.Json;
using FuncAuth.EndToEndTests.Api;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>The limit's boundary, on a DevHost configured for 64 bytes: 64 pass, 65 do not.</summary>
public sealed class SmallBodyLimitTests(SmallBodyLimitFixture fixture) : IClassFixture<SmallBodyLimitFixture>
{
    private DevHostProcess Host => fixture.Host;

    [Fact]
    public async Task ABodyOfExactlyTheLimitReachesTheWorkerWhole()
    {
        var body = new string('a', SmallBodyLimitFixture.Limit);
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        using var response = await client.PostAsync("api/echo", new StringContent(body));
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(body, echo!.Body);
    }

    [Fact]
    public async Task ABodyOneByteOverTheLimitIsA413ProblemAndNeverReachesTheWorker()
    {
        var marker = WorkerInvocations.NewMarker();
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/echo")
        {
            Content = new StringContent(new string('a', SmallBodyLimitFixture.Limit + 1)),
        };
        request.Headers.Add("X-Test", marker);

        using var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("The request body is 65 bytes; this DevHost accepts at most 64", problem.GetProperty("detail").GetString());
        await WorkerInvocations.AssertNeverInvokedAsync(Host, marker);
    }
}
