
namespace FuncAuth.DevHost.Http;

/// <summary>The route a request matched and its values (unsupplied optional parameters present as null).</summary>
public sealed record RouteMatch(FunctionRoute Route, RouteValueDictionary Values);
