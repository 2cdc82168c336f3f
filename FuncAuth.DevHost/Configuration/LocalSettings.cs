using System.Text.Json;

namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// The parts of <c>local.settings.json</c> Core Tools honours: <c>Values</c> and <c>ConnectionStrings</c>
/// (exported to the worker's environment) and the <c>Host</c> section (port, address, CORS).
/// </summary>
public sealed record LocalSettings(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> ConnectionStrings,
    string? LocalHttpPort,
    string? LocalHttpAddress,
    IReadOnlyList<string> CorsOrigins,
    bool CorsCredentials)
{
    public const string FileName = "local.settings.json";

    /// <summary>An app without the file behaves like Core Tools with an empty one.</summary>
    public static LocalSettings Empty { get; } = new(
        new Dictionary<string, string>(), new Dictionary<string, string>(), null, null, [], false);

    public static LocalSettings Load(string appDirectory)
    {
        var path = Path.Combine(appDirectory, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            // Core Tools tolerates comments and trailing commas in this hand-edited file; so do we.
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var root = document.RootElement;
            var host = Property(root, "Host");
            return new LocalSettings(
                StringMap(Property(root, "Values")),
                StringMap(Property(root, "ConnectionStrings")),
                // Raw text (a number or a string): DevHostOptions validates it and names this file in its message.
                host is { } h && Property(h, "LocalHttpPort") is { } port ? ScalarText(port) : null,
                host is { } h2 && Property(h2, "LocalHttpAddress") is { } address ? ScalarText(address) : null,
                host is { } h3 && Property(h3, "CORS") is { ValueKind: JsonValueKind.String } cors
                    ? cors.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [],
                host is { } h4 && Property(h4, "CORSCredentials") is { } credentials && IsTrue(credentials));
        }
        catch (JsonException e)
        {
            throw new DevHostConfigurationException($"{path} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Property names are matched without regard to case, as the configuration binder in Core Tools does.</summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static Dictionary<string, string> StringMap(JsonElement? element)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return map;
        }

        foreach (var property in obj.EnumerateObject())
        {
            // Non-string values (true, 42) are written as their JSON text, which is what an environment variable would hold.
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : property.Value.GetRawText();
        }

        return map;
    }

    private static string? ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };

    private static bool IsTrue(JsonElement element) =>
        element.ValueKind == JsonValueKind.True ||
        (element.ValueKind == JsonValueKind.String && bool.TryParse(element.GetString(), out var value) && value);
}
