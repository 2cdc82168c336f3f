using System.Net;
using System.Text.Json;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>Asserts an RFC 9457 problem answer as it arrives over the wire.</summary>
public static class ProblemAssert
{
    /// <summary>Status, <c>application/problem+json</c>, and a body with type, title, status and detail, with no stack trace.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.StartsWith("https://", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        return problem;
    }

    /// <summary>Anything but a server error.</summary>
    public static async Task IsNotServerErrorAsync(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for a client's input: {await response.Content.ReadAsStringAsync()}");
    }
}
