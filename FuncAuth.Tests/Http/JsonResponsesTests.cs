using System.Net;
using FuncAuth.Http;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.Tests.Http;

public sealed class JsonResponsesTests
{
    [Fact]
    public void Create_Value_WritesUtf8JsonWithItsMediaType()
    {
        var problem = new Problem("t", "T", 200, "d", null, null);

        var response = (TestHttpResponseData)JsonResponses.Create(HttpUnit.Request(), HttpStatusCode.Created, problem, ProblemJsonContext.Default.Problem);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("d", response.BodyJson.GetProperty("detail").GetString());
    }

    [Fact]
    public void NoStore_ResponseWithCacheControl_ReplacesIt()
    {
        var response = (TestHttpResponseData)HttpUnit.Request().CreateResponse();
        response.Headers.Add("Cache-Control", "public, max-age=60");

        Assert.Same(response, response.NoStore());

        Assert.Equal("no-store", response.Header("Cache-Control"));
    }
}
