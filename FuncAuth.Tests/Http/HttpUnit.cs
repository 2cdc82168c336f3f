using System.Text;
using FuncAuth.TestSupport.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace FuncAuth.Tests.Http;

/// <summary>Builds a bare request (no services behind it) for unit tests of the HTTP pieces.</summary>
internal static class HttpUnit
{
    public static TestFunctionContext Context(string entryPoint = "FuncAuth.Users.FavMoviesFunction.Run") =>
        new(new ServiceCollection().BuildServiceProvider(), new TestFunctionDefinition("Test", entryPoint));

    public static TestHttpRequestData Request(
        string method = "GET",
        string url = "http://localhost:7071/api/users/fav-movies",
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        string? body = null,
        TestFunctionContext? context = null)
    {
        context ??= Context();
        var request = new TestHttpRequestData(context, method, new Uri(url), headers ?? [], body is null ? null : Encoding.UTF8.GetBytes(body));
        context.SetRequest(request);
        return request;
    }

    public static KeyValuePair<string, string> Header(string name, string value) => new(name, value);
}
