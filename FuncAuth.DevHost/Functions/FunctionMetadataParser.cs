using System.Text.Json;
using FuncAuth.DevHost.Rpc;

namespace FuncAuth.DevHost.Functions;

/// <summary>
/// Turns the worker's <see cref="RpcFunctionMetadata"/> into a <see cref="FunctionDescriptor"/>.
/// The host builds routes from <c>raw_bindings</c> (JSON strings), not from the bindings map, so we do too.
/// </summary>
internal static class FunctionMetadataParser
{
    public static FunctionDescriptor Parse(RpcFunctionMetadata metadata)
    {
        HttpTriggerInfo? trigger = null;
        string? httpOutput = null;
        var triggerTypes = new List<string>();
        foreach (var raw in metadata.RawBindings)
        {
            using var document = JsonDocument.Parse(raw);
            var binding = document.RootElement;
            var type = String(binding, "type") ?? "";
            var name = String(binding, "name") ?? "";
            var direction = String(binding, "direction") ?? "";
            if (type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                triggerTypes.Add(type);
            }

            if (type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                trigger = new HttpTriggerInfo(
                    name,
                    // WebScriptHostHttpRoutesManager: an empty route means the function name.
                    String(binding, "route") is { Length: > 0 } route ? route : metadata.Name,
                    Methods(binding),
                    String(binding, "authLevel") ?? "Function");
            }
            else if (type.Equals("http", StringComparison.OrdinalIgnoreCase) &&
                     direction.Equals("out", StringComparison.OrdinalIgnoreCase))
            {
                httpOutput = name;
            }
        }

        return new FunctionDescriptor(metadata.FunctionId, metadata.Name, trigger, httpOutput, triggerTypes)
        {
            Metadata = metadata,
        };
    }

    private static string? String(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) &&
                property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    /// <summary>No <c>methods</c> (or an empty list) means every method is allowed, as in the host.</summary>
    private static List<string>? Methods(JsonElement binding)
    {
        foreach (var property in binding.EnumerateObject())
        {
            if (string.Equals(property.Name, "methods", StringComparison.OrdinalIgnoreCase) &&
                property.Value.ValueKind == JsonValueKind.Array)
            {
                var methods = property.Value.EnumerateArray()
                    .Where(m => m.ValueKind == JsonValueKind.String)
                    .Select(m => m.GetString()!.ToUpperInvariant())
                    .ToList();
                return methods.Count > 0 ? methods : null;
            }
        }

        return null;
    }
}
