using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FuncAuth.Http;
using FuncAuth.Sessions;
using FuncAuth.Users;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>json-body</c>: the input is an HTTP header block and a body, separated by the first empty line
/// (<c>Content-Type: application/json\n\n{...}</c>); without an empty line it is all body with no headers. Reading it
/// as each request type must not throw and must give either a value or a 400, 413 or 415 with a detail; the answer
/// before deserialization (size, media type) is the same for every type; a value comes only from a non-empty body
/// within the limit that is a JSON object.
/// </summary>
public static class JsonBodyTarget
{
    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var (headers, body) = Split(input);
        var login = Read(headers, body, SessionsJsonContext.Default.LoginRequest);
        var register = Read(headers, body, UsersJsonContext.Default.RegisterRequest);
        var refresh = Read(headers, body, SessionsJsonContext.Default.RefreshRequest);

        HttpStatusCode?[] early = [Early(login), Early(register), Early(refresh)];
        FuzzInvariantException.Holds(early.Distinct().Count() == 1, "size and media type answers do not depend on the request type");
    }

    /// <summary>Splits an input into headers and body (see the class summary).</summary>
    public static (List<KeyValuePair<string, string>> Headers, byte[] Body) Split(ReadOnlySpan<byte> input)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var end = input.IndexOf("\n\n"u8);
        if (end < 0)
        {
            return (headers, input.ToArray());
        }

        foreach (var line in Encoding.UTF8.GetString(input[..end]).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return (headers, input[(end + 2)..].ToArray());
    }

    private static HttpStatusCode? Early(HttpStatusCode? status) =>
        status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType ? status : null;

    private static HttpStatusCode? Read<T>(List<KeyValuePair<string, string>> headers, byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        var result = JsonBodyReader.ReadAsync(new FuzzRequest(headers, body), type, CancellationToken.None).GetAwaiter().GetResult();
        if (result.IsSuccess)
        {
            FuzzInvariantException.Holds(result.ErrorDetail is null, "a success carries no error");
            FuzzInvariantException.Holds(body.Length is > 0 and <= JsonBodyReader.MaxBodyBytes, "a value only from a non-empty body within the limit");
            FuzzInvariantException.Holds(IsJsonObject(body), "a value only from a JSON object");
            return null;
        }

        FuzzInvariantException.Holds(
            result.ErrorStatus is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType,
            "a refused body is a 400, 413 or 415");
        FuzzInvariantException.Holds(!string.IsNullOrWhiteSpace(result.ErrorDetail), "a refused body says why");
        FuzzInvariantException.Holds(
            body.Length <= JsonBodyReader.MaxBodyBytes || result.ErrorStatus != HttpStatusCode.BadRequest,
            "an oversized body is never parsed");
        return result.ErrorStatus;
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
