using FuncAuth.DevHost.Rpc;

namespace FuncAuth.DevHost.Functions;

/// <summary>
/// A function the worker reported through worker indexing, with what the DevHost needs to route HTTP to it.
/// <see cref="HttpTrigger"/> is null for non-HTTP functions: they are loaded (as the real host does) but never invoked.
/// </summary>
public sealed record FunctionDescriptor(
    string FunctionId,
    string Name,
    HttpTriggerInfo? HttpTrigger,
    string? HttpOutputBindingName,
    IReadOnlyList<string> TriggerTypes)
{
    internal RpcFunctionMetadata Metadata { get; init; } = new();
}
