using System.Text;
using FuncAuth.TestSupport;
using FuncAuth.TestSupport.OpenApi;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary><c>docs/openapi.json</c> is what the code generates, so a change to the contract shows up as a diff in review.</summary>
public sealed class CommittedOpenApiDocumentTests
{
    [Fact]
    public void Serialize_DefaultSettings_EqualsTheCommittedDocsOpenApiJson()
    {
        var committedPath = Path.Combine(RepositoryLayout.Root, "docs", "openapi.json");
        var generated = Encoding.UTF8.GetString(OpenApiDocuments.DefaultJson);
        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : "";

        if (committed != generated)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), $"funcauth-openapi-{Guid.NewGuid():N}.json");
            File.WriteAllText(actualPath, generated);
            Assert.Fail($"docs/openapi.json differs from what the code generates. Review the change, then: cp {actualPath} {committedPath}");
        }
    }

    [Fact]
    public void Parse_TheCommittedCopy_ReadsWithoutErrorsOrWarnings()
    {
        var committed = File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, "docs", "openapi.json"));

        Assert.Equal("", OpenApiDocuments.Diagnostics(OpenApiDocuments.Parse(committed)));
    }
}
