using System.Text;
using FuncAuth.TestSupport.OpenApi;

namespace FuncAuth.Tests.OpenApi;

/// <summary>The reader the other tests rely on does validate: an empty diagnostic means something.</summary>
public sealed class OpenApiReaderTests
{
    [Theory]
    [InlineData("""{"openapi":"3.0.4","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{}}}}}}""", "'description'")]
    [InlineData("""{"openapi":"3.0.4","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"d","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}}""", "Missing")]
    public void Parse_BrokenDocument_ReportsADiagnostic(string json, string mentioned)
    {
        var diagnostics = OpenApiDocuments.Diagnostics(OpenApiDocuments.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(mentioned, diagnostics);
    }
}
