using FuncAuth.DevHost.Functions;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Template;

namespace FuncAuth.DevHost.Http;

/// <summary>
/// HTTP routes of the loaded functions, matched the way the Functions host does (WebJobsRouteBuilder): classic
/// <see cref="Route"/>s in a <see cref="RouteCollection"/>, template <c>prefix/route</c>, case-insensitive, an
/// <see cref="HttpMethodRouteConstraint"/> when methods are listed, first match wins. A method mismatch is simply
/// no match (404, never 405), and HEAD is not implied by GET.
/// </summary>
public sealed class FunctionRouteTable
{
    private const string FunctionToken = "devhost.function";
    private readonly RouteCollection _routes;

    private FunctionRouteTable(RouteCollection routes, IReadOnlyList<FunctionRoute> entries)
    {
        _routes = routes;
        Routes = entries;
    }

    public IReadOnlyList<FunctionRoute> Routes { get; }

    public static FunctionRouteTable Build(
        IEnumerable<FunctionDescriptor> functions,
        string routePrefix,
        IInlineConstraintResolver constraintResolver)
    {
        var collection = new RouteCollection();
        var entries = new List<FunctionRoute>();
        foreach (var function in functions)
        {
            if (function.HttpTrigger is not { } trigger)
            {
                continue;
            }

            var route = trigger.Route.TrimStart('/');
            var template = routePrefix.Length == 0 ? route : $"{routePrefix}/{route}";
            var optional = TemplateParser.Parse(template).Parameters
                .Where(p => p.IsOptional)
                .Select(p => p.Name!)
                .ToList();
            var entry = new FunctionRoute(function, template, optional);
            var constraints = trigger.Methods is { } methods
                ? new Dictionary<string, object> { ["httpMethod"] = new HttpMethodRouteConstraint([.. methods]) }
                : null;
            collection.Add(new Route(
                FunctionRouteTarget.Instance,
                function.Name,
                template,
                defaults: null,
                constraints,
                new RouteValueDictionary { [FunctionToken] = entry },
                constraintResolver));
            entries.Add(entry);
        }

        return new FunctionRouteTable(collection, entries);
    }

    /// <summary>The matched route, or null when no route (or no route with this method) matches.</summary>
    public async Task<RouteMatch?> MatchAsync(HttpContext context)
    {
        var routeContext = new RouteContext(context);
        await _routes.RouteAsync(routeContext);
        if (routeContext.Handler is null ||
            routeContext.RouteData.DataTokens[FunctionToken] is not FunctionRoute route)
        {
            return null;
        }

        var values = new RouteValueDictionary(routeContext.RouteData.Values);
        foreach (var name in route.OptionalParameters)
        {
            // FunctionInvocationMiddleware.PopulateRouteData: optional parameters that were not supplied are added as null.
            values.TryAdd(name, null);
        }

        return new RouteMatch(route, values);
    }
}
