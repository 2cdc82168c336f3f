namespace FuncAuth.DevHost.Functions;

/// <summary>An <c>httpTrigger</c> binding: its parameter name, route template, allowed methods (null = any) and auth level.</summary>
public sealed record HttpTriggerInfo(string BindingName, string Route, IReadOnlyList<string>? Methods, string AuthLevel);
