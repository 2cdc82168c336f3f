using System.Reflection;
using FuncAuth.Http;
using FuncAuth.TestSupport.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.Tests.OpenApi;

/// <summary>The document and the functions describe the same routes: every HTTP function is documented, and nothing else is.</summary>
public sealed class OpenApiRouteCoverageTests
{
    /// <summary>Every <c>[Function]</c> of the app with an <c>[HttpTrigger]</c>, one row per method.</summary>
    public static readonly IReadOnlyList<(string FunctionName, string Path, HttpMethod Method, bool Protected)> HttpFunctions =
        typeof(AuthenticationMiddleware).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .SingleOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .SelectMany(x => (x.Trigger!.Methods ?? []).Select(verb => (
                x.Function!.Name,
                "/" + (x.Trigger.Route ?? x.Function.Name),
                new HttpMethod(verb.ToUpperInvariant()),
                x.Method.IsDefined(typeof(RequireAuthenticationAttribute)))))
            .ToList();

    [Fact]
    public void HttpFunctions_ReflectedFromTheAssembly_IncludeTheKnownOnes()
    {
        // Guards the reflection above: were it to find nothing, the coverage tests below would pass vacuously.
        Assert.Contains(HttpFunctions, f => f is ("Login", "/auth/login", _, false) && f.Method == HttpMethod.Post);
        Assert.Contains(HttpFunctions, f => f is ("Me", "/users/me", _, true) && f.Method == HttpMethod.Get);
        Assert.Contains(HttpFunctions, f => f is ("OpenApi", "/openapi.json", _, false));
    }

    [Fact]
    public void Paths_EveryHttpFunction_DocumentedAtItsRouteAndMethodWithItsNameAsOperationId()
    {
        var documented = OpenApiDocuments.Operations(OpenApiDocuments.Default);

        Assert.All(HttpFunctions, function =>
        {
            var operation = documented.SingleOrDefault(o => o.Path == function.Path && o.Method == function.Method);
            Assert.True(operation is not null, $"{function.Method} {function.Path} ({function.FunctionName}) is not in the OpenAPI document.");
            Assert.Equal(function.FunctionName, operation.Operation.OperationId);
        });
    }

    [Fact]
    public void Paths_EveryDocumentedOperation_ServedByAnHttpFunction()
    {
        var documented = OpenApiDocuments.Operations(OpenApiDocuments.Default);

        Assert.All(documented, operation => Assert.True(
            HttpFunctions.Any(f => f.Path == operation.Path && f.Method == operation.Method),
            $"The document describes {operation}, which no function serves."));
        Assert.Equal(HttpFunctions.Count, documented.Count);
    }

    [Fact]
    public void Security_ProtectedFunctions_RequireTheAccessCookieOrBearerWithoutAnAnonymousAlternative()
    {
        var document = OpenApiDocuments.Default;

        Assert.All(HttpFunctions, function =>
        {
            var operation = OpenApiDocuments.Operation(document, function.FunctionName);
            var alternatives = operation.SecurityAlternatives();
            if (function.Protected)
            {
                Assert.Equal(["accessCookie", "bearer"], alternatives.Order(StringComparer.Ordinal));
                Assert.Contains("401", operation.Statuses());
            }
            else
            {
                Assert.True(alternatives.Count == 0 || alternatives.Contains(""), $"{operation} is anonymous but the document requires credentials.");
            }
        });
    }

    [Fact]
    public void Security_EveryRequirement_NamesADefinedScheme()
    {
        var document = OpenApiDocuments.Default;
        var schemes = document.Components!.SecuritySchemes!;

        var used = OpenApiDocuments.Operations(document).SelectMany(o => o.Operation.Security ?? []).SelectMany(r => r.Keys).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, key =>
        {
            Assert.True(schemes.ContainsKey(key.Reference.Id!), $"Undefined security scheme {key.Reference.Id}.");
            Assert.NotNull(key.Target);
        });
        Assert.Equal(("auth-cookie", Microsoft.OpenApi.ParameterLocation.Cookie), (schemes["accessCookie"].Name, schemes["accessCookie"].In!.Value));
        Assert.Equal(("bearer", "JWT"), (schemes["bearer"].Scheme, schemes["bearer"].BearerFormat));
        Assert.Equal("refresh-cookie", schemes["refreshCookie"].Name);
    }
}
