using FuncAuth.TestSupport.OpenApi;
using Microsoft.OpenApi;

namespace FuncAuth.Tests.OpenApi;

/// <summary>What the document promises about statuses, headers and parameters, read back as a client would.</summary>
public sealed class OpenApiResponsesTests
{
    private static readonly IReadOnlyList<DocumentedOperation> All = OpenApiDocuments.Operations(OpenApiDocuments.Default);

    private static DocumentedOperation Op(string id) => OpenApiDocuments.Operation(OpenApiDocuments.Default, id);

    [Fact]
    public void Responses_EveryStateChangingOperation_Documents403()
    {
        var posts = All.Where(o => o.Method != HttpMethod.Get).ToList();

        Assert.Equal(["Login", "Logout", "LogoutAll", "RefreshTokens", "Register"], posts.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal));
        Assert.All(posts, o => Assert.Contains("403", o.Statuses()));
        Assert.All(All.Where(o => o.Method == HttpMethod.Get), o => Assert.DoesNotContain("403", o.Statuses()));
    }

    [Fact]
    public void Responses_EveryOperationWithABody_Documents400And413And415()
    {
        var withBody = All.Where(o => o.Operation.RequestBody is not null).ToList();

        Assert.Equal(["Login", "Logout", "RefreshTokens", "Register"], withBody.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal));
        Assert.All(withBody, o => Assert.Superset(new HashSet<string> { "400", "413", "415" }, o.Statuses().ToHashSet()));
        Assert.All(withBody, o => Assert.Equal(["application/json"], o.Operation.RequestBody!.Content!.Keys));
    }

    [Theory]
    [InlineData("Register", new[] { "201", "400", "403", "409", "413", "415", "500", "503" })]
    [InlineData("Login", new[] { "200", "400", "401", "403", "413", "415", "429", "500", "503" })]
    [InlineData("RefreshTokens", new[] { "200", "400", "401", "403", "413", "415", "500", "503" })]
    [InlineData("Logout", new[] { "204", "400", "403", "413", "415", "500", "503" })]
    [InlineData("LogoutAll", new[] { "204", "401", "403", "500", "503" })]
    [InlineData("Me", new[] { "200", "401", "500", "503" })]
    [InlineData("FavMovies", new[] { "200", "401", "500" })]
    [InlineData("Health", new[] { "200", "500", "503" })]
    [InlineData("Jwks", new[] { "200", "404", "500" })]
    [InlineData("OpenIdConfiguration", new[] { "200", "404", "500" })]
    [InlineData("OpenApi", new[] { "200", "500" })]
    public void Responses_Operation_DocumentsExactlyTheStatusesItsCodeCanAnswer(string operationId, string[] statuses)
    {
        Assert.Equal(statuses, Op(operationId).Statuses().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Responses_Every429And503_DocumentRetryAfterAsARequiredInteger()
    {
        var retryable = All.SelectMany(o => (o.Operation.Responses ?? []).Where(r => r.Key is "429" or "503").Select(r => (o, r.Value))).ToList();

        Assert.Equal(8, retryable.Count); // login's 429, and 503 on the seven operations that hash or use storage
        Assert.All(retryable, x =>
        {
            IOpenApiHeader? header = null;
            x.Value.Headers?.TryGetValue("Retry-After", out header);
            Assert.True(header is { Required: true }, $"{x.o} lacks a required Retry-After.");
            Assert.Equal(JsonSchemaType.Integer, header!.Schema!.Type);
        });
    }

    [Fact]
    public void Responses_EveryError_IsAProblemWithTheSharedSchema()
    {
        var errors = All.SelectMany(o => (o.Operation.Responses ?? []).Where(r => r.Key[0] is '4' or '5').Select(r => (o, r.Key, r.Value))).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            var media = Assert.Single(e.Value.Content!);
            Assert.Equal("application/problem+json", media.Key);
            Assert.Same(OpenApiDocuments.Default.Components!.Schemas!["Problem"], ((OpenApiSchemaReference)media.Value.Schema!).Target);
        });
    }

    [Fact]
    public void Responses_OperationsThatSetOrExpireCookies_DocumentSetCookie()
    {
        var withCookies = All.Where(o => (o.Operation.Responses ?? []).Any(r => r.Value.Headers?.ContainsKey("Set-Cookie") == true));

        Assert.Equal(["Login", "Logout", "LogoutAll", "RefreshTokens"], withCookies.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal));
        Assert.True(Op("Logout").Operation.Responses!["204"].Headers!["Set-Cookie"].Required);
        Assert.False(Op("Login").Operation.Responses!["200"].Headers!["Set-Cookie"].Required);
    }

    [Fact]
    public void Parameters_UseCookies_OnLoginRefreshAndLogoutOnlyAsAnOptionalBooleanQuery()
    {
        var withMode = All.Where(o => o.Operation.Parameters?.Any(p => p.Name == "useCookies") == true).ToList();

        Assert.Equal(["Login", "Logout", "RefreshTokens"], withMode.Select(o => o.Operation.OperationId).Order(StringComparer.Ordinal));
        Assert.All(withMode, o =>
        {
            var parameter = Assert.Single(o.Operation.Parameters!);
            Assert.Equal((ParameterLocation.Query, false, JsonSchemaType.Boolean), (parameter.In!.Value, parameter.Required, parameter.Schema!.Type!.Value));
        });
    }

    [Fact]
    public void Security_RefreshAndLogout_AcceptTheRefreshCookieOrAnonymousBodies()
    {
        Assert.Equal(["", "refreshCookie"], Op("RefreshTokens").SecurityAlternatives().Order(StringComparer.Ordinal));
        Assert.Equal(["", "accessCookie", "bearer", "refreshCookie"], Op("Logout").SecurityAlternatives().Order(StringComparer.Ordinal));
        Assert.Empty(Op("Login").SecurityAlternatives());
    }
}
