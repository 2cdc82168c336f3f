using System.Net;
using System.Net.Http.Json;

namespace FuncAuth.EndToEndTests.DevHost;

[Collection(DevHostCollection.Name)]
public sealed class RoutingTests(DevHostFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task HelloAnswersHiWithNoContentType()
    {
        using var response = await Client.GetAsync("api/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task OptionalRouteSegmentReachesTheFunction()
    {
        var echo = await Client.GetFromJsonAsync<EchoResponse>("api/echo/t1");

        Assert.Equal("t1", echo!.Tag);
    }

    [Fact]
    public async Task OptionalRouteSegmentCanBeLeftOut()
    {
        using var response = await Client.PostAsync("api/echo", new StringContent("x"));
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(echo!.Tag);
        Assert.Equal("POST", echo.Method);
    }

    [Theory]
    [InlineData("API/HELLO")]
    [InlineData("Api/Hello")]
    public async Task RoutesIgnoreCase(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RouteWithoutThePrefixIsNotFound()
    {
        using var response = await Client.GetAsync("hello");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/hello")]
    [InlineData("DELETE", "api/echo/t1")]
    [InlineData("PUT", "api/echo")]
    public async Task WrongMethodIsNotFound(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HeadIsNotImpliedByGet()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/hello"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("api/nope")]
    [InlineData("api/echo/t1/extra")]
    [InlineData("")]
    public async Task UnknownRouteIsNotFound(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
