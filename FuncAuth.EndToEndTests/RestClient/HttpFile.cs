using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FuncAuth.EndToEndTests.RestClient;

/// <summary>
/// The subset of the REST-client <c>.http</c> format (Visual Studio, Rider, VS Code) that FuncAuth.http uses:
/// <c>@name = value</c> file variables, requests separated by <c>###</c>, <c># @name</c>, a request line, headers, a
/// blank line and a body, and <c>{{variable}}</c> / <c>{{request.response.body.$.field}}</c> references. Anything else
/// is an error, so the file cannot drift into syntax the replay would silently skip.
/// </summary>
public sealed partial class HttpFile
{
    private HttpFile(IReadOnlyDictionary<string, string> variables, IReadOnlyList<HttpFileRequest> requests)
    {
        Variables = variables;
        Requests = requests;
    }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public IReadOnlyList<HttpFileRequest> Requests { get; }

    public static HttpFile Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<HttpFileRequest>();
        var blocks = Separator().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var variable in blocks[0].Split('\n').Select(l => FileVariable().Match(l)).Where(m => m.Success))
        {
            variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
        }

        for (var i = 1; i < blocks.Length; i += 2)
        {
            requests.Add(ParseRequest(blocks[i].Trim(), blocks[i + 1]));
        }

        return new HttpFile(variables, requests);
    }

    /// <summary>Replaces <c>{{...}}</c> in <paramref name="text"/>: file variables, then named responses' JSON bodies.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, JsonElement> responses) =>
        Reference().Replace(text, match =>
        {
            var reference = match.Groups[1].Value.Trim();
            if (variables.TryGetValue(reference, out var value))
            {
                return Substitute(value, variables, responses);
            }

            var body = ResponseBody().Match(reference);
            if (!body.Success || !responses.TryGetValue(body.Groups[1].Value, out var json))
            {
                throw new InvalidOperationException($"FuncAuth.http refers to {{{{{reference}}}}}, which is not defined before it is used.");
            }

            foreach (var property in body.Groups[2].Value.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                json = json.GetProperty(property);
            }

            return json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
        });

    private static HttpFileRequest ParseRequest(string title, string block)
    {
        string? name = null;
        var expected = new List<int>();
        var lines = block.Split('\n').ToList();
        var index = 0;
        for (; index < lines.Count && (lines[index].TrimStart().StartsWith('#') || lines[index].Trim().Length == 0); index++)
        {
            var comment = lines[index].Trim().TrimStart('#').Trim();
            if (comment.StartsWith("@name ", StringComparison.Ordinal))
            {
                name = comment["@name ".Length..].Trim();
            }
            else if (comment.StartsWith("expect ", StringComparison.Ordinal))
            {
                expected.AddRange(comment["expect ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
            }
        }

        var requestLine = RequestLine().Match(index < lines.Count ? lines[index] : string.Empty);
        if (!requestLine.Success || expected.Count == 0)
        {
            throw new InvalidOperationException($"FuncAuth.http request '{title}' needs a '# expect <status>' comment and a 'METHOD url' line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        for (index++; index < lines.Count && lines[index].Trim().Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[index][..colon].Trim(), lines[index][(colon + 1)..].Trim()));
        }

        var body = string.Join('\n', lines.Skip(index)).Trim();
        return new HttpFileRequest(title, name, expected, requestLine.Groups[1].Value, requestLine.Groups[2].Value, headers, body.Length == 0 ? null : body);
    }

    [GeneratedRegex(@"^###(.*)$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")]
    private static partial Regex FileVariable();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+)( HTTP/1\.1)?\s*$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\.response\.body\.\$((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$")]
    private static partial Regex ResponseBody();
}
