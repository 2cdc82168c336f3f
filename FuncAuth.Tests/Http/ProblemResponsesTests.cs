using System.Net;
using FuncAuth.Http;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.Tests.Http;

public sealed class ProblemResponsesTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Bad Request", "https://tools.ietf.org/html/rfc9110#section-15.5.1")]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden", "https://tools.ietf.org/html/rfc9110#section-15.5.4")]
    [InlineData(HttpStatusCode.NotFound, "Not Found", "https://tools.ietf.org/html/rfc9110#section-15.5.5")]
    [InlineData(HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type", "https://tools.ietf.org/html/rfc9110#section-15.5.16")]
    [InlineData(HttpStatusCode.Conflict, "Conflict", "https://tools.ietf.org/html/rfc9110#section-15.5.10")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "Content Too Large", "https://tools.ietf.org/html/rfc9110#section-15.5.14")]
    [InlineData(HttpStatusCode.TooManyRequests, "Too Many Requests", "https://tools.ietf.org/html/rfc6585#section-4")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Service Unavailable", "https://tools.ietf.org/html/rfc9110#section-15.6.4")]
    public void Create_Status_WritesRfc9457Body(HttpStatusCode status, string title, string type)
    {
        var response = (TestHttpResponseData)ProblemResponses.Create(HttpUnit.Request(), status, "what went wrong");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        var body = response.BodyJson;
        Assert.Equal(type, body.GetProperty("type").GetString());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Equal("what went wrong", body.GetProperty("detail").GetString());
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public void Create_WithErrors_WritesThemKeyedByField()
    {
        var errors = new Dictionary<string, string[]> { ["email"] = ["bad"] };

        var response = (TestHttpResponseData)ProblemResponses.Create(HttpUnit.Request(), HttpStatusCode.BadRequest, "invalid", errors);

        Assert.Equal("bad", response.BodyJson.GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Theory]
    [InlineData(0.2, "1")]
    [InlineData(899.1, "900")]
    [InlineData(900, "900")]
    public void WithRetryAfter_FractionalSeconds_RoundsUpToWholeSeconds(double seconds, string expected)
    {
        var response = (TestHttpResponseData)ProblemResponses.WithRetryAfter(HttpUnit.Request(), HttpStatusCode.TooManyRequests, "locked", TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, response.Header("Retry-After"));
        Assert.Equal(long.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), response.BodyJson.GetProperty("retryAfter").GetInt64());
    }

    [Fact]
    public void Create_WithoutRetryAfter_NoRetryAfterMember() =>
        Assert.False(((TestHttpResponseData)ProblemResponses.Create(HttpUnit.Request(), HttpStatusCode.BadRequest, "no")).BodyJson.TryGetProperty("retryAfter", out _));

    [Theory]
    [InlineData(false, "Bearer")]
    [InlineData(true, "Bearer error=\"invalid_token\"")]
    public void Unauthorized_TokenPresentedOrNot_ChallengesPerRfc6750(bool invalidToken, string challenge)
    {
        var response = (TestHttpResponseData)ProblemResponses.Unauthorized(HttpUnit.Request(), "no", invalidToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(challenge, response.Header("WWW-Authenticate"));
    }

    [Fact]
    public void Write_ResponseWithJsonHeaders_ReplacesContentTypeAndCacheControl()
    {
        var response = (TestHttpResponseData)HttpUnit.Request().CreateResponse();
        response.Headers.Add("Content-Type", "application/json");
        response.Headers.Add("Cache-Control", "max-age=60");

        ProblemResponses.Write(response, HttpStatusCode.Conflict, "taken");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }
}
