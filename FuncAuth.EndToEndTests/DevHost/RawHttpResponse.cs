using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>
/// The first response in what a server wrote on a raw connection (<see cref="Raw"/> keeps everything, including
/// later responses). <see cref="Status"/> is null when the server closed without answering.
/// </summary>
public sealed record RawHttpResponse(int? Status, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
{
    public static RawHttpResponse Parse(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!raw.StartsWith("HTTP/1.", StringComparison.Ordinal) || end < 0)
        {
            return new RawHttpResponse(null, new Dictionary<string, string>(), "", raw);
        }

        var lines = raw[..end].Split("\r\n");
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(pair => pair[1].Trim())), StringComparer.OrdinalIgnoreCase);
        var rest = raw[(end + 4)..];
        var body = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding == "chunked" ? Dechunk(rest)
            : headers.TryGetValue("Content-Length", out var length) ? rest[..int.Parse(length, CultureInfo.InvariantCulture)]
            : rest;
        return new RawHttpResponse(int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture), headers, body, raw);
    }

    /// <summary>Status, <c>application/problem+json</c>, a body whose status matches, no stack trace; returns the detail.</summary>
    public string AssertProblem(int status)
    {
        Assert.True(Status == status, $"Expected {status}, got:\n{Raw}");
        Assert.Equal("application/problem+json", Headers["Content-Type"]);
        using var problem = JsonDocument.Parse(Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", Raw);
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = int.Parse(chunked[position..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToString();
            }

            // Sizes count bytes; these test bodies are ASCII, so characters and bytes agree.
            body.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
