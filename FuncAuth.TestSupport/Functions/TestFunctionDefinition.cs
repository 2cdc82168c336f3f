using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.TestSupport.Functions;

/// <summary>The definition of one FuncAuth function, with the entry point the worker would report.</summary>
public sealed class TestFunctionDefinition(string name, string entryPoint) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];
    public override string PathToAssembly => typeof(FuncAuth.Http.AuthenticationMiddleware).Assembly.Location;
    public override string EntryPoint => entryPoint;
    public override string Id => name;
    public override string Name => name;
    public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
}
