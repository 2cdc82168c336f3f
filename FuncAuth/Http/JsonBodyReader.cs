using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncAuth.Http;

/// <summary>
/// Reads a small JSON request body defensively: size first (413), then media type (415), then syntax and
/// types (400). Never throws for anything a client sent.
/// </summary>
public static class JsonBodyReader
{
    /// <summary>Largest accepted body: 16 KiB.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Reads and deserializes the body of <paramref name="request"/>.</summary>
    public static async Task<BodyReadResult<T>> ReadAsync<T>(
        HttpRequestData request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        // Stryker disable once Linq : TryGetValues answers false for a header without values, so a first value always exists
        if (request.Headers.TryGetValues("Content-Length", out var lengths)
            && long.TryParse(lengths.FirstOrDefault(), out var declared) && declared > MaxBodyBytes)
        {
            return Fail<T>(HttpStatusCode.RequestEntityTooLarge, $"The request body must not exceed {MaxBodyBytes} bytes.");
        }

        if (!IsJsonContentType(request))
        {
            return Fail<T>(HttpStatusCode.UnsupportedMediaType, "The request body must be JSON (Content-Type: application/json).");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = await ReadUpToAsync(request.Body, buffer, MaxBodyBytes + 1, cancellationToken);
            if (length > MaxBodyBytes)
            {
                return Fail<T>(HttpStatusCode.RequestEntityTooLarge, $"The request body must not exceed {MaxBodyBytes} bytes.");
            }

            if (length == 0)
            {
                return Fail<T>(HttpStatusCode.BadRequest, "A JSON request body is required.");
            }

            return Deserialize(buffer.AsSpan(0, length), typeInfo);
        }
        finally
        {
            // Stryker disable once Statement : returning the buffer only lets the pool reuse it; no result depends on it
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static BodyReadResult<T> Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(json, typeInfo);
            return value is null
                ? Fail<T>(HttpStatusCode.BadRequest, "The request body must be a JSON object.")
                : new BodyReadResult<T>(value, HttpStatusCode.OK, null);
        }
        catch (JsonException ex)
        {
            // The path names the offending property; the exception message is not echoed.
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the request body" : $"'{ex.Path}'";
            return Fail<T>(HttpStatusCode.BadRequest, $"Malformed JSON or a value of the wrong type at {where}.");
        }
    }

    private static bool IsJsonContentType(HttpRequestData request)
    {
        // Stryker disable once Linq : TryGetValues answers false for a header without values, so a first value always exists
        if (!request.Headers.TryGetValues(HttpNames.Headers.ContentType, out var values)
            || !MediaTypeHeaderValue.TryParse(values.FirstOrDefault(), out var mediaType)
            || mediaType.MediaType is not { } type)
        {
            return false;
        }

        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = mediaType.CharSet?.Trim('"');
        return isJson && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<int> ReadUpToAsync(Stream body, byte[] buffer, int limit, CancellationToken cancellationToken)
    {
        var total = 0;
        // Stryker disable once Equality : at total == limit the extra read asks for zero bytes, gets 0 and ends the loop with the same total
        while (total < limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static BodyReadResult<T> Fail<T>(HttpStatusCode status, string detail)
        where T : class => new(null, status, detail);
}
