using System.Net;
using FuncAuth.Http;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.Tests.Http;

public sealed class ResponseModesTests
{
    private static TestHttpRequestData Request(string query) => HttpUnit.Request("POST", "http://localhost:7071/api/auth/login" + query);

    [Theory]
    [InlineData("", ResponseMode.Cookies)]
    [InlineData("?useCookies=true", ResponseMode.Cookies)]
    [InlineData("?useCookies=TRUE", ResponseMode.Cookies)]
    [InlineData("?useCookies=false", ResponseMode.Tokens)]
    [InlineData("?useCookies=False", ResponseMode.Tokens)]
    public void From_TrueFalseOrAbsent_PicksTheMode(string query, ResponseMode expected) =>
        Assert.Equal(expected, ResponseModes.From(Request(query)));

    [Theory]
    [InlineData("?useCookies=")]
    [InlineData("?useCookies=yes")]
    [InlineData("?useCookies=1")]
    public void From_AnythingElse_IsNull(string query) => Assert.Null(ResponseModes.From(Request(query)));

    [Fact]
    public void TryRead_InvalidValue_Gives400NamingTheParameter()
    {
        Assert.False(ResponseModes.TryRead(Request("?useCookies=maybe"), out _, out var problem));

        var response = (TestHttpResponseData)problem;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("useCookies must be true or false.", response.BodyJson.GetProperty("detail").GetString());
    }

    [Fact]
    public void TryRead_True_GivesCookiesAndNoProblem()
    {
        Assert.True(ResponseModes.TryRead(Request("?useCookies=true"), out var mode, out var problem));

        Assert.Equal(ResponseMode.Cookies, mode);
        Assert.Null(problem);
    }
}
