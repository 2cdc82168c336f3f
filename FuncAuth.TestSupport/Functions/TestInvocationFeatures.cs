using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.TestSupport.Functions;

/// <summary>A plain dictionary of invocation features, as the worker keeps them.</summary>
public sealed class TestInvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public void Set<T>(T instance) => _features[typeof(T)] = instance!;

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value : default;

    /// <summary>Sets a feature whose interface type is not visible to this assembly.</summary>
    public void Set(Type type, object instance) => _features[type] = instance;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
