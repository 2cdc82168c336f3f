using System.Text.Json;

namespace FuncAuth.DevHost.Configuration;

/// <summary>Reads the one <c>host.json</c> setting the DevHost honours: <c>extensions.http.routePrefix</c>.</summary>
public static class HostJson
{
    /// <summary>The Functions host's default prefix (<c>HttpExtensionConstants.DefaultRoutePrefix</c>).</summary>
    public const string DefaultRoutePrefix = "api";

    /// <summary>The route prefix without surrounding slashes; <c>""</c> when host.json sets it empty.</summary>
    public static string ReadRoutePrefix(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return DefaultRoutePrefix;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.TryGetProperty("extensions", out var extensions) &&
                extensions.TryGetProperty("http", out var http) &&
                http.TryGetProperty("routePrefix", out var prefix) &&
                prefix.ValueKind == JsonValueKind.String)
            {
                return prefix.GetString()!.Trim('/');
            }

            return DefaultRoutePrefix;
        }
        catch (JsonException e)
        {
            throw new DevHostConfigurationException($"{path} is not valid JSON: {e.Message}");
        }
    }
}
