using System.Text.Json.Nodes;
using FuncAuth.TestSupport;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// The files `azd up` reads besides the templates: azure.yaml, infra/main.parameters.json and the hooks, and the
/// linter's verdict on infra/ (infra/bicepconfig.json raises the secret-handling rules to errors).
/// </summary>
public sealed class AzdConfigurationTests(CompiledTemplates templates) : IClassFixture<CompiledTemplates>
{
    private static string RepoFile(string path) => Path.Combine(RepositoryLayout.Root, path);

    [Fact]
    public async Task Azure_yaml_deploys_the_FuncAuth_project_as_a_dotnet_function_and_runs_the_key_hook_before_provisioning()
    {
        var yaml = File.ReadAllText(RepoFile("azure.yaml"));
        Assert.Matches(@"(?m)^services:\s*\n  api:\s*\n    project: \./FuncAuth\s*\n    language: dotnet\s*\n    host: function\s*$", yaml);
        Assert.Matches(@"(?m)^  preprovision:\s*$", yaml);
        Assert.Contains("run: infra/hooks/preprovision.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("run: infra/hooks/preprovision.ps1", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoFile("FuncAuth/FuncAuth.csproj")));
        Assert.True(File.Exists(RepoFile("infra/hooks/preprovision.ps1")));

        // azd runs a posix hook as a program: git must check it out executable (mode 100755).
        var staged = await ToolRun.RunAsync("git", ["ls-files", "--stage", "infra/hooks/preprovision.sh", "infra/scripts/rotate-signing-key.sh", "tools/bicep"]);
        var modes = staged.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]);
        Assert.Equal(["100755", "100755", "100755"], modes);
    }

    [Fact]
    public void The_function_app_carries_the_tag_azd_deploys_the_api_service_to()
    {
        var tags = templates.SingleOfType("Microsoft.Web/sites").Body["tags"]!.GetValue<string>();
        Assert.Contains("createObject('azd-service-name', 'api')", tags, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parameters_file_feeds_every_required_parameter_from_the_azd_environment_and_holds_no_value_itself()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepoFile("infra/main.parameters.json")))!["parameters"]!.AsObject();
        var declared = templates.Main["parameters"]!.AsObject();

        Assert.All(file, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        foreach (var (name, parameter) in declared.Where(p => p.Value!["defaultValue"] is null))
        {
            Assert.True(file.ContainsKey(name), $"required parameter {name} is not in main.parameters.json");
        }

        // Every value is an azd substitution (optionally with a non-secret default), never a literal.
        Assert.All(file, p => Assert.Matches(@"^\$\{[A-Z_]+(=[0-9:.A-Za-z]*)?\}$", (string)p.Value!["value"]!));
        // The hooks read the same default: an environment that never set the algorithm is HS256 everywhere.
        Assert.Equal("${FUNCAUTH_SIGNING_ALGORITHM=HS256}", (string?)file["signingAlgorithm"]!["value"]);
        Assert.Equal("${FUNCAUTH_SIGNING_KEY}", (string?)file["signingKey"]!["value"]);
        Assert.Equal("${FUNCAUTH_PREVIOUS_SIGNING_KEY}", (string?)file["previousSigningKey"]!["value"]);
    }

    [Fact]
    public void No_file_under_infra_or_azure_yaml_contains_key_material()
    {
        var files = Directory.EnumerateFiles(RepoFile("infra"), "*", SearchOption.AllDirectories)
            .Append(RepoFile("azure.yaml"))
            .Where(f => !f.EndsWith("main.json", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Empty(KeyMaterial.Find(File.ReadAllText(f))));
    }

    [Fact]
    public async Task The_templates_are_lint_clean()
    {
        var lint = await ToolRun.RunAsync("tools/bicep", ["lint", "infra/main.bicep"]);
        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.DoesNotMatch(@"(?i)\b(warning|error)\b", lint.StandardOutput + lint.StandardError);
    }
}
