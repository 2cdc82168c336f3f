
namespace FuncAuth.DevHost.Http;

/// <summary>
/// The router behind every classic <see cref="Route"/>: it only marks the request as handled, because the DevHost
/// reads the matched function from the route's data tokens and invokes it itself.
/// </summary>
internal sealed class FunctionRouteTarget : IRouter
{
    public static FunctionRouteTarget Instance { get; } = new();

    private static readonly RequestDelegate Matched = static _ => Task.CompletedTask;

    public Task RouteAsync(RouteContext context)
    {
        context.Handler = Matched;
        return Task.CompletedTask;
    }

    public VirtualPathData? GetVirtualPath(VirtualPathContext context) => null;
}
