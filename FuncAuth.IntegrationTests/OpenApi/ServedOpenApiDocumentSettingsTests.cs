using FuncAuth.TestSupport.Functions;
using FuncAuth.TestSupport.OpenApi;
using Microsoft.OpenApi;

namespace FuncAuth.IntegrationTests.OpenApi;

/// <summary>The document describes the deployment's own cookie names and password rules.</summary>
public sealed class ServedOpenApiDocumentSettingsTests : FunctionTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Auth:Cookies:AccessName"] = "__Host-auth";
        settings["Auth:Cookies:RefreshName"] = "__Host-refresh";
        settings["Auth:Cookies:AccessPath"] = "/";
        settings["Auth:Cookies:RefreshPath"] = "/";
        settings["Auth:Passwords:MinLength"] = "20";
    }

    [Fact]
    public async Task TheSecuritySchemesNameTheConfiguredCookies()
    {
        var response = await Host.SendAsync(TestRequest.Get("/api/openapi.json"));
        var document = OpenApiDocuments.ParseClean(((MemoryStream)response.Body).ToArray());

        var schemes = document.Components!.SecuritySchemes!;
        Assert.Equal("__Host-auth", schemes["accessCookie"].Name);
        Assert.Equal(ParameterLocation.Cookie, schemes["accessCookie"].In);
        Assert.Equal("__Host-refresh", schemes["refreshCookie"].Name);
        Assert.Equal(SecuritySchemeType.Http, schemes["bearer"].Type);
        Assert.Equal("JWT", schemes["bearer"].BearerFormat);
        Assert.StartsWith("20 to 128 characters", document.Components.Schemas!["RegisterRequest"].Properties!["password"].Description);
    }
}
