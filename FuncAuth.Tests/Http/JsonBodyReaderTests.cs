using System.Net;
using FuncAuth.Http;
using FuncAuth.Sessions;

namespace FuncAuth.Tests.Http;

public sealed class JsonBodyReaderTests
{
    private static Task<BodyReadResult<LoginRequest>> Read(string? body, string? contentType = "application/json", string? contentLength = null)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (contentType is not null)
        {
            headers.Add(HttpUnit.Header("Content-Type", contentType));
        }

        if (contentLength is not null)
        {
            headers.Add(HttpUnit.Header("Content-Length", contentLength));
        }

        return JsonBodyReader.ReadAsync(HttpUnit.Request("POST", headers: headers, body: body), SessionsJsonContext.Default.LoginRequest, CancellationToken.None);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    [InlineData("application/problem+json")]
    public async Task ReadAsync_JsonMediaTypes_Parses(string contentType)
    {
        var result = await Read("""{"email":"a@example.test","PASSWORD":"p"}""", contentType);

        Assert.True(result.IsSuccess);
        Assert.Equal(("a@example.test", "p"), (result.Value!.Email, result.Value.Password));
    }

    [Fact]
    public async Task ReadAsync_ExactlyTheLimit_IsAccepted()
    {
        var padding = JsonBodyReader.MaxBodyBytes - """{"email":"","password":"p"}""".Length;
        var json = $$"""{"email":"{{new string('e', padding)}}","password":"p"}""";

        var result = await Read(json);

        Assert.Equal(JsonBodyReader.MaxBodyBytes, json.Length);
        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("16385")]
    public async Task ReadAsync_OneByteOverTheLimit_Is413(string? declaredLength)
    {
        var json = $$"""{"email":"{{new string('e', JsonBodyReader.MaxBodyBytes)}}"}""";

        var result = await Read(json, contentLength: declaredLength);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.ErrorStatus);
    }

    [Fact]
    public async Task ReadAsync_HugeDeclaredLength_Is413BeforeTheMediaTypeIsChecked()
    {
        var result = await Read("{}", contentType: "text/plain", contentLength: "999999999");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.ErrorStatus);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/json-ish")]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("nonsense")]
    [InlineData("application/xml")]
    [InlineData("text/problem+json")]
    public async Task ReadAsync_NotJson_Is415(string? contentType)
    {
        var result = await Read("{}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, result.ErrorStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"email\":1}")]
    [InlineData("{\"email\":\"a\",\"email\":\"b\"}")]
    [InlineData("{\"email\":\"a\"} trailing")]
    public async Task ReadAsync_BadJson_Is400WithoutExceptionText(string body)
    {
        var result = await Read(body);

        Assert.Equal(HttpStatusCode.BadRequest, result.ErrorStatus);
        Assert.DoesNotContain("Exception", result.ErrorDetail);
        Assert.DoesNotContain("LineNumber", result.ErrorDetail);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthExactlyTheLimit_ReadsTheBody()
    {
        var result = await Read("""{"email":"a@example.test","password":"p"}""", contentLength: JsonBodyReader.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task ReadAsync_StreamedBodyOverTheLimit_NamesTheLimit()
    {
        var result = await Read(new string(' ', JsonBodyReader.MaxBodyBytes + 1));

        Assert.Equal("The request body must not exceed 16384 bytes.", result.ErrorDetail);
    }

    [Fact]
    public async Task ReadAsync_JsonNull_AsksForAnObject()
    {
        var result = await Read("null");

        Assert.Equal("The request body must be a JSON object.", result.ErrorDetail);
    }

    [Theory]
    [InlineData("[]", "Malformed JSON or a value of the wrong type at the request body.")]
    [InlineData("{\"email\":1}", "Malformed JSON or a value of the wrong type at '$.email'.")]
    public async Task ReadAsync_WrongShape_NamesWhereWithoutTheRootPath(string body, string detail)
    {
        var result = await Read(body);

        Assert.Equal(detail, result.ErrorDetail);
    }
}
