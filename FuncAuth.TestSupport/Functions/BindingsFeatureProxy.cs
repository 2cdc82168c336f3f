using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.TestSupport.Functions;

/// <summary>
/// Stands in for the worker's internal <c>IFunctionBindingsFeature</c>, which is where
/// <c>context.GetInvocationResult().Value = response</c> (the middleware short-circuit) lands. The interface is
/// internal, so it is implemented through <see cref="DispatchProxy"/>; only InvocationResult holds state.
/// </summary>
public class BindingsFeatureProxy : DispatchProxy
{
    private static readonly Type FeatureType = typeof(FunctionContext).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature", throwOnError: true)!;

    private object? _invocationResult;
    private readonly Dictionary<string, object?> _outputs = [];

    /// <summary>Adds a fresh feature to <paramref name="features"/> and returns the proxy to read the result from.</summary>
    public static BindingsFeatureProxy Install(TestInvocationFeatures features)
    {
        var proxy = (BindingsFeatureProxy)Create(FeatureType, typeof(BindingsFeatureProxy));
        features.Set(FeatureType, proxy);
        return proxy;
    }

    /// <summary>What the middleware or function set as the invocation result.</summary>
    public object? InvocationResult => _invocationResult;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_InvocationResult" => _invocationResult,
        "set_InvocationResult" => _invocationResult = args![0],
        "get_OutputBindingData" => _outputs,
        "get_TriggerMetadata" or "get_InputData" => new Dictionary<string, object?>(),
        _ => throw new NotSupportedException($"{targetMethod?.Name} is not used by FuncAuth."),
    };
}
