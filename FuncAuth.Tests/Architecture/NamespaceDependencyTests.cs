using System.Reflection;
using FuncAuth.Http;

namespace FuncAuth.Tests.Architecture;

/// <summary>
/// The feature namespaces of FuncAuth (<c>FuncAuth.Auth</c>, <c>FuncAuth.Http</c>, …) form a graph without cycles, so
/// each folder can be read, tested and changed from the bottom up. A dependency is any FuncAuth type named in another's
/// signatures: base type, interfaces, fields, properties, events, constructor and method parameters and returns,
/// generic arguments and attributes. Method bodies are not read.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly App = typeof(FuncAuthPipeline).Assembly;

    [Fact]
    public void FeatureNamespaces_Always_HaveNoCycles()
    {
        var cycles = Cycles(Graph());

        Assert.True(cycles.Count == 0, "Namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void Graph_Always_SeesKnownDependencies()
    {
        var graph = Graph();

        // Guards the reader itself: these edges exist (a constructor parameter, a field), so an empty graph cannot pass.
        Assert.Contains("FuncAuth.Auth", graph["FuncAuth.Tokens"]);
        Assert.Contains("FuncAuth.Auth", graph["FuncAuth.Http"]);
    }

    private static Dictionary<string, HashSet<string>> Graph()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in App.GetTypes().Where(t => Feature(t) is not null))
        {
            var from = Feature(type)!;
            var edges = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var to in Referenced(type).Select(Feature).OfType<string>().Where(to => to != from))
            {
                edges.Add(to);
            }
        }

        return graph;
    }

    // The namespace of a FuncAuth type (nested and compiler-generated types count as their outermost type's).
    private static string? Feature(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Assembly == App && type.Namespace is { } ns && ns.StartsWith("FuncAuth.", StringComparison.Ordinal) ? ns : null;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var member in type.GetMembers(Declared))
        {
            direct.AddRange(member.GetCustomAttributesData().Select(a => a.AttributeType));
            switch (member)
            {
                case FieldInfo field:
                    direct.Add(field.FieldType);
                    break;
                case PropertyInfo property:
                    direct.Add(property.PropertyType);
                    break;
                case EventInfo @event:
                    direct.Add(@event.EventHandlerType);
                    break;
                case MethodBase method:
                    direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
                    if (method is MethodInfo info)
                    {
                        direct.Add(info.ReturnType);
                    }

                    break;
            }
        }

        return direct.OfType<Type>().SelectMany(Unwrap);
    }

    // Arrays, by-refs, pointers and generic arguments name their element types too.
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Unwrap))
            : [type];
    }

    // Each cycle once, as the path from its smallest namespace back to itself.
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string> { start };
            Walk(start);

            void Walk(string node)
            {
                foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
                {
                    if (next == start)
                    {
                        var key = string.Join(">", path);
                        if (seen.Add(key))
                        {
                            cycles.Add([.. path, start]);
                        }
                    }
                    else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        return cycles;
    }
}
