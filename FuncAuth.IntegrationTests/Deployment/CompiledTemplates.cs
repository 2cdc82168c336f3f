using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// infra/main.bicep compiled once per test class by the pinned Bicep CLI (tools/bicep build --stdout), with the
/// resources of every nested module template flattened, and the function app's settings taken apart.
/// </summary>
public sealed partial class CompiledTemplates : IAsyncLifetime
{
    private JsonObject? _main;

    /// <summary>The compiled template as JSON text.</summary>
    public string Text { get; private set; } = "";

    public JsonObject Main => _main ?? throw new InvalidOperationException("Not built yet.");

    /// <summary>Every resource declared (not merely referenced) in main.json and its nested module templates.</summary>
    public IReadOnlyList<ArmResource> Resources { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var build = await ToolRun.RunAsync("tools/bicep", ["build", "infra/main.bicep", "--stdout"]);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/bicep build failed ({build.ExitCode}).\n{build.Output}");
        }

        Text = build.StandardOutput;
        _main = JsonNode.Parse(Text)!.AsObject();
        Resources = [.. Flatten(_main)];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>All declared resources of an ARM type.</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one declared resource of an ARM type.</summary>
    public ArmResource SingleOfType(string type) => Assert.Single(OfType(type));

    /// <summary>The nested deployment of the module named <paramref name="name"/> in main.bicep.</summary>
    public ArmResource Module(string name) =>
        Assert.Single(OfType("Microsoft.Resources/deployments"), r => r.Name == name);

    /// <summary>The function app's <c>appsettings</c> config resource.</summary>
    public ArmResource AppSettingsResource =>
        Assert.Single(OfType("Microsoft.Web/sites/config"), r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));

    /// <summary>
    /// The settings whose names are fixed at compile time: the literal objects among the variables the appsettings
    /// <c>union(...)</c> combines. Values are literals or ARM expressions over the module's parameters.
    /// </summary>
    public IReadOnlyDictionary<string, string> LiteralSettings =>
        SettingsVariables().Values.OfType<JsonObject>()
            .SelectMany(o => o)
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    /// <summary>The variables of the union that are computed per deployment (per-index settings), as expressions.</summary>
    public IReadOnlyDictionary<string, string> ComputedSettings =>
        SettingsVariables()
            .Where(v => v.Value is JsonValue)
            .ToDictionary(v => v.Key, v => v.Value!.GetValue<string>());

    /// <summary>The whole expression the appsettings resource's properties are.</summary>
    public string SettingsExpression => AppSettingsResource.Body["properties"]!.GetValue<string>();

    private Dictionary<string, JsonNode?> SettingsVariables()
    {
        var resource = AppSettingsResource;
        var variables = resource.Template["variables"]!.AsObject();
        return VariableReference().Matches(SettingsExpression)
            .Select(m => m.Groups[1].Value)
            .ToDictionary(name => name, name => variables[name]);
    }

    private static IEnumerable<ArmResource> Flatten(JsonObject template)
    {
        // languageVersion 2.0 templates (modules using user-defined types) key resources by symbolic name.
        var declared = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject map => map.Select(p => p.Value!.AsObject()),
            _ => [],
        };

        foreach (var body in declared.Where(b => b["existing"]?.GetValue<bool>() != true))
        {
            var resource = new ArmResource(body["type"]!.GetValue<string>(), body["name"]!.GetValue<string>(), body, template);
            yield return resource;
            if (resource.Body["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
