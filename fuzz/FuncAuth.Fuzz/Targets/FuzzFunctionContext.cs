using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.Fuzz.Targets;

/// <summary>The least a <see cref="FuzzRequest"/> needs: the parsers under test never touch the invocation context.</summary>
public sealed class FuzzFunctionContext : FunctionContext
{
    /// <inheritdoc />
    public override string InvocationId => "fuzz";

    /// <inheritdoc />
    public override string FunctionId => "fuzz";

    /// <inheritdoc />
    public override TraceContext TraceContext => throw new NotSupportedException();

    /// <inheritdoc />
    public override BindingContext BindingContext => throw new NotSupportedException();

    /// <inheritdoc />
    public override RetryContext RetryContext => throw new NotSupportedException();

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; } = EmptyServices.Instance;

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
