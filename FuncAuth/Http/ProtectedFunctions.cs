using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.Http;

/// <summary>
/// Knows which functions carry <see cref="RequireAuthenticationAttribute"/>, from their entry point
/// (<c>Namespace.Type.Method</c>), cached per function. Fails closed: an entry point it cannot resolve is protected.
/// </summary>
public sealed class ProtectedFunctions
{
    private readonly ConcurrentDictionary<string, bool> _cache = new(StringComparer.Ordinal);
    private readonly Assembly _assembly = typeof(ProtectedFunctions).Assembly;

    /// <summary>True when the function must only run for an authenticated caller.</summary>
    public bool IsProtected(FunctionDefinition function) =>
        _cache.GetOrAdd(function.EntryPoint, Resolve);

    private bool Resolve(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        if (split <= 0)
        {
            return true;
        }

        var type = _assembly.GetType(entryPoint[..split], throwOnError: false);
        var methods = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == entryPoint[(split + 1)..])
            .ToArray();
        // Stryker disable once Boolean : the attribute is declared Inherited = false, so IsDefined ignores inherit
        return methods is not { Length: > 0 }
            || methods.Any(m => m.IsDefined(typeof(RequireAuthenticationAttribute), inherit: false));
    }
}
