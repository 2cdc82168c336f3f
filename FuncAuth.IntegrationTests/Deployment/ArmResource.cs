using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// One resource of a compiled ARM template, with the (nested) template that declares it, whose parameters and
/// variables its expressions refer to.
/// </summary>
public sealed partial record ArmResource(string Type, string Name, JsonObject Body, JsonObject Template)
{
    public JsonObject Properties => Body["properties"]?.AsObject()
        ?? throw new InvalidOperationException($"{Type} {Name} has no properties.");

    /// <summary>A property path such as <c>siteConfig.cors.supportCredentials</c> under <see cref="Properties"/>, or null.</summary>
    public JsonNode? At(string path) =>
        path.Split('.').Aggregate<string, JsonNode?>(Properties, (node, part) => node is JsonObject o ? o[part] : null);

    /// <summary>The expression with each <c>variables('name')</c> of a plain string variable replaced by <c>'value'</c>.</summary>
    public string Expand(string expression) =>
        VariableReference().Replace(expression, m =>
            Template["variables"]?[m.Groups[1].Value] is JsonValue value && value.GetValue<string>() is var text && !text.StartsWith('[')
                ? $"'{text}'"
                : m.Value);

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
