using System.Net;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>An ES256 deployment publishes its keys in the documented shapes.</summary>
public sealed class DocumentedAnswersEs256Tests : OpenApiFunctionTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Auth:SigningAlgorithm"] = "ES256";
        settings["Auth:EcdsaKeys:0:Id"] = "es-1";
        settings["Auth:EcdsaKeys:0:PrivateKey"] = TestAuth.NewEcdsaPem();
    }

    [Theory]
    [InlineData("Jwks", "/api/.well-known/jwks.json")]
    [InlineData("OpenIdConfiguration", "/api/.well-known/openid-configuration")]
    public async Task TheKeyDocumentsMatchTheirSchemasAndMayBeCached(string operationId, string path)
    {
        var response = await SendDocumentedAsync(Operation(operationId), TestRequest.Get(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Header("Cache-Control"));
    }
}
