using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncAuth.Http;
using FuncAuth.Sessions;
using FuncAuth.Tests.Http;
using FuncAuth.TestSupport.Functions;
using FuncAuth.Users;

namespace FuncAuth.Tests.Properties;

public sealed class JsonBodyReaderPropertyTests
{
    private static readonly Gen<string?> ContentType = Gen.Frequency(
        (6, Gen.Elements<string?>(
            "application/json", "application/json; charset=utf-8", "APPLICATION/JSON;CHARSET=\"UTF-8\"", "application/problem+json",
            "application/json; charset=latin1", "application/json; charset=", "text/json", "application/jsonx", "application/+json",
            "application/json;;", "application/json; charset=utf-8; charset=utf-16", "multipart/form-data; boundary=x", "*/*", "", " ", null)),
        (2, TextGen.Text.Select(t => (string?)t)),
        (2, TextGen.Text.Select(t => (string?)("application/json; " + t))));

    private static readonly Gen<string?> ContentLength = Gen.Frequency(
        (6, Gen.Constant<string?>(null)),
        (2, Gen.Elements<string?>("0", "16384", "16385", "-1", "99999999999999999999", "1e3", " 20 ", "0x10", "")),
        (1, Gen.Choose(0, 40_000).Select(n => (string?)n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    // Bodies: raw bytes, JSON-like text built from JSON's own tokens, and well-formed objects with hostile values.
    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (2, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
        (3, Gen.ListOf(Gen.Elements(
                "{", "}", "[", "]", ":", ",", "\"", "\"email\"", "\"password\"", "\"displayName\"", "\"refreshToken\"", "null", "true",
                "1", "-0.5e9", "\"x\"", "\\u0000", "\\ud800", "\\ufffe", " ", "\n", "\ufeff", "/*c*/", "\u00e9", "\"\\"))
            .Select(t => Encoding.UTF8.GetBytes(string.Concat(t)))),
        (3, from email in TextGen.Text from password in TextGen.Text from extra in Gen.Elements("", ",\"x\":[1,{}]", ",\"Email\":\"dup\"", ",\"email\":1")
            select Encoding.UTF8.GetBytes(
                $"{{\"email\":{System.Text.Json.JsonSerializer.Serialize(email)},\"password\":{System.Text.Json.JsonSerializer.Serialize(password)}{extra}}}")),
        (1, Gen.Choose(JsonBodyReader.MaxBodyBytes - 2, JsonBodyReader.MaxBodyBytes + 2)
            .Select(n => Encoding.UTF8.GetBytes("{\"email\":\"" + new string('e', Math.Max(0, n - 13)) + "\"}"))));

    [Property(MaxTest = 400)]
    public Property ReadAsync_ArbitraryBodyAndContentType_ValueOrA400413Or415WithADetail() =>
        Prop.ForAll(
            (from contentType in ContentType from length in ContentLength from body in Body select (contentType, length, body)).ToArbitrary(),
            async c =>
            {
                var headers = new List<KeyValuePair<string, string>>();
                if (c.contentType is not null)
                {
                    headers.Add(HttpUnit.Header("Content-Type", c.contentType));
                }

                if (c.length is not null)
                {
                    headers.Add(HttpUnit.Header("Content-Length", c.length));
                }

                var context = HttpUnit.Context();
                var request = new TestHttpRequestData(context, "POST", new Uri("http://localhost:7071/api/auth/login"), headers, c.body);
                context.SetRequest(request);

                var login = await JsonBodyReader.ReadAsync(request, SessionsJsonContext.Default.LoginRequest, CancellationToken.None);
                var register = await JsonBodyReader.ReadAsync(request, UsersJsonContext.Default.RegisterRequest, CancellationToken.None);

                foreach (var (success, status, detail) in new[] { (login.IsSuccess, login.ErrorStatus, login.ErrorDetail), (register.IsSuccess, register.ErrorStatus, register.ErrorDetail) })
                {
                    if (success)
                    {
                        Assert.Null(detail);
                        Assert.InRange(c.body.Length, 1, JsonBodyReader.MaxBodyBytes);
                    }
                    else
                    {
                        Assert.Contains(status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType });
                        Assert.False(string.IsNullOrWhiteSpace(detail));
                        Assert.False(c.body.Length > JsonBodyReader.MaxBodyBytes && status == HttpStatusCode.BadRequest, "an oversized body was parsed");
                    }
                }
            });
}
