using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace FuncAuth.TestSupport.OpenApi;

/// <summary>
/// Checks a JSON value against an OpenAPI schema, strictly: besides types, required properties, enums, formats and
/// lengths, every property the value has must be declared (so a field the API starts sending cannot go undocumented).
/// Covers the keywords FuncAuth's document uses; allOf/anyOf/not and unknown formats fail rather than being ignored.
/// </summary>
public static partial class SchemaConformance
{
    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>; empty when it conforms.</summary>
    public static List<string> Check(IOpenApiSchema schema, JsonElement value, string at = "$")
    {
        var errors = new List<string>();
        Check(schema, value, at, errors);
        return errors;
    }

    private static void Check(IOpenApiSchema schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.AllOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.Not is not null)
        {
            errors.Add($"{at}: allOf/anyOf/not are not supported by this checker");
            return;
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            var matches = oneOf.Count(option => Check(option, value, at).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{at}: matches {matches} of the {oneOf.Count} oneOf schemas, not exactly one");
            }

            return;
        }

        if (schema.Type is { } type && !HasType(type, value))
        {
            errors.Add($"{at}: {value.ValueKind} where the schema says {type}");
            return;
        }

        if (schema.Enum is { Count: > 0 } values && !values.Any(v => JsonNode.DeepEquals(v, JsonNode.Parse(value.GetRawText()))))
        {
            errors.Add($"{at}: {value.GetRawText()} is not one of {string.Join(", ", values.Select(v => v.ToJsonString()))}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, at, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, value, at, errors);
                break;
            case JsonValueKind.Array when schema.Items is { } items:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(items, item, $"{at}[{index++}]", errors);
                }

                break;
        }
    }

    private static void CheckObject(IOpenApiSchema schema, JsonElement value, string at, List<string> errors)
    {
        foreach (var required in schema.Required ?? new HashSet<string>())
        {
            if (!value.TryGetProperty(required, out _))
            {
                errors.Add($"{at}: the required property '{required}' is missing");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (schema.Properties?.TryGetValue(property.Name, out var declared) == true)
            {
                Check(declared, property.Value, $"{at}.{property.Name}", errors);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(additional, property.Value, $"{at}.{property.Name}", errors);
            }
            else if (schema.Properties is { Count: > 0 } || !schema.AdditionalPropertiesAllowed)
            {
                // A schema that lists properties lists them all; an empty schema ({}) allows anything.
                errors.Add($"{at}: the property '{property.Name}' is not declared in the schema");
            }
        }
    }

    private static void CheckString(IOpenApiSchema schema, string text, string at, List<string> errors)
    {
        if (schema.MaxLength is { } max && text.Length > max)
        {
            errors.Add($"{at}: {text.Length} characters, more than maxLength {max}");
        }

        var valid = schema.Format switch
        {
            null => true,
            "date-time" => Rfc3339DateTime().IsMatch(text),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => false,
        };
        if (!valid)
        {
            errors.Add($"{at}: '{text}' is not a {schema.Format}");
        }
    }

    private static bool HasType(JsonSchemaType type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.Null => type.HasFlag(JsonSchemaType.Null),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && value.TryGetInt64(out _)),
        _ => false,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339DateTime();
}
