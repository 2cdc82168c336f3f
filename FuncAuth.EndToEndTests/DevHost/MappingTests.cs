using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace FuncAuth.EndToEndTests.DevHost;

[Collection(DevHostCollection.Name)]
public sealed class MappingTests(DevHostFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task RequestCookiesReachTheWorkerAsSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/echo");
        request.Headers.Add("Cookie", "a=1; b=two=2; session=xyz");

        using var response = await Client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();

        Assert.Equal(
            new Dictionary<string, string> { ["a"] = "1", ["b"] = "two=2", ["session"] = "xyz" },
            echo!.Cookies);
    }

    [Fact]
    public async Task Utf8BodyArrivesIntact()
    {
        const string body = "héllo body ✓ 日本";
        using var response = await Client.PostAsync("api/echo/b", new StringContent(body, Encoding.UTF8, "text/plain"));
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();

        Assert.Equal(body, echo!.Body);
        Assert.Equal("text/plain; charset=utf-8", echo.Headers["content-type"]);
    }

    [Fact]
    public async Task QueryHeadersAndAbsoluteUrlReachTheWorker()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/echo/t1?q=42&code=secret");
        request.Headers.Add("X-Test", "value one");
        request.Headers.UserAgent.ParseAdd("devhost-tests/1.0");

        using var response = await Client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();

        Assert.Equal("42", echo!.Query);
        Assert.Equal("value one", echo.Headers["x-test"]);
        Assert.Equal("devhost-tests/1.0", echo.Headers["user-agent"]);
        Assert.Equal($"{fixture.Host.BaseAddress}api/echo/t1?q=42&code=secret", echo.Url);
    }

    [Fact]
    public async Task RepeatedRequestHeadersAreJoinedWithComma()
    {
        // HttpClient folds repeated values into one line itself, so this request is written by hand.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Host.Port);
        await using var stream = tcp.GetStream();
        var request = "GET /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Multi: a\r\nX-Multi: b\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 201", raw);
        Assert.Contains("\"x-multi\":\"a,b\"", raw);
    }

    [Fact]
    public async Task StatusHeadersAndContentTypeComeFromTheWorker()
    {
        using var response = await Client.GetAsync("api/echo");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["a"], response.Headers.GetValues("X-Custom"));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task ResponseCookiesAreWrittenExactlyAsTheFunctionsHostWritesThem()
    {
        using var response = await Client.GetAsync("api/echo");

        Assert.Equal(
            [
                "plain=v%201; path=/",
                "sid=abc; expires=Wed, 02 Jan 2030 03:04:05 GMT; max-age=3600; domain=localhost; path=/api; secure; samesite=none; httponly",
                "lax=1; path=/; samesite=lax",
            ],
            response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task ThrowingFunctionAnswers500WithEmptyBody()
    {
        using var response = await Client.GetAsync("api/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }
}
