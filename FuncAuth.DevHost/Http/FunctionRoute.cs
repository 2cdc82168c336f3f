using FuncAuth.DevHost.Functions;

namespace FuncAuth.DevHost.Http;

/// <summary>One registered route: the function, its full template (prefix included) and its optional parameters.</summary>
public sealed record FunctionRoute(FunctionDescriptor Function, string Template, IReadOnlyList<string> OptionalParameters);
