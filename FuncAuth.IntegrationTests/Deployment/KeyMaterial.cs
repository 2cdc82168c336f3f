using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>Text helpers for asserting on templates: unescaped JSON, and spotting key-like base64.</summary>
public static partial class KeyMaterial
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node as JSON with quotes left alone (the default encoder turns ' into \u0027).</summary>
    public static string RawJson(this JsonNode node) => node.ToJsonString(Unescaped);

    /// <summary>
    /// Runs of base64 long enough to hold 32 bytes that look random (a digit and both cases): a key baked into a
    /// file. Resource type paths such as Storage/storageAccounts/blobServices/containers have no digits.
    /// </summary>
    public static IReadOnlyList<string> Find(string text) =>
        [.. LongBase64().Matches(text).Select(m => m.Value)
            .Where(v => v.Any(char.IsAsciiDigit) && v.Any(char.IsAsciiLetterUpper) && v.Any(char.IsAsciiLetterLower))];

    [GeneratedRegex("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43,}={0,2}(?![A-Za-z0-9+/=])")]
    private static partial Regex LongBase64();
}
