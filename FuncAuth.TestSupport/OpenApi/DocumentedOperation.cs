using Microsoft.OpenApi;

namespace FuncAuth.TestSupport.OpenApi;

/// <summary>One documented operation: where, which method, and what the document says about it.</summary>
public sealed record DocumentedOperation(string Path, HttpMethod Method, OpenApiOperation Operation)
{
    public override string ToString() => $"{Method} {Path}";
}
