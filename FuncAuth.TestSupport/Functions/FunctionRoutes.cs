using System.Reflection;
using FuncAuth.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.TestSupport.Functions;

/// <summary>
/// The app's HTTP functions, read from their <c>[Function]</c> and <c>[HttpTrigger]</c> attributes (so a
/// changed route or method is seen by the tests), matched the way the host does: prefix <c>api</c>, methods.
/// </summary>
public sealed record FunctionRoute(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method)
{
    public static readonly IReadOnlyList<FunctionRoute> All = typeof(AuthenticationMiddleware).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods())
        .Select(m => (
            Method: m,
            Function: m.GetCustomAttribute<FunctionAttribute>(),
            Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
        .Where(x => x.Function is not null && x.Trigger is not null) // timer functions have no route
        .Select(x => new FunctionRoute(x.Function!.Name, x.Trigger!.Route ?? x.Function.Name, x.Trigger.Methods ?? [], x.Method))
        .ToList();

    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";

    public static FunctionRoute? Match(string method, string path) => All.FirstOrDefault(r =>
        string.Equals("/api/" + r.Route, path, StringComparison.OrdinalIgnoreCase)
        && (r.Methods.Count == 0 || r.Methods.Any(m => m.Equals(method, StringComparison.OrdinalIgnoreCase))));
}
