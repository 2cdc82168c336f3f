using System.Reflection;
using FuncAuth.Auth;
using Microsoft.Extensions.Logging;

namespace FuncAuth.Tests.Telemetry;

/// <summary>
/// Every <c>[LoggerMessage]</c> of the app: one event id and one event name per event, and each class logs inside the
/// id range it declares (<c>FirstEventId</c>/<c>LastEventId</c>; the ranges are listed in docs/architecture.md).
/// </summary>
public sealed class LogEventIdTests
{
    private const BindingFlags AllStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    private static readonly List<(Type Type, MethodInfo Method, LoggerMessageAttribute Attribute)> Events =
    [
        .. from type in typeof(SecurityLog).Assembly.GetTypes()
           from method in type.GetMethods(AllStatic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
           let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
           where attribute is not null
           select (type, method, attribute),
    ];

    private static IEnumerable<Type> LogClasses => Events.Select(e => e.Type).Distinct();

    [Fact]
    public void LoggerMessages_InFuncAuth_AreFoundInEveryLogClass()
    {
        Assert.Equal(
            ["FuncAuth.Auth.SecurityLog", "FuncAuth.Cleanup.SessionCleanupLog", "FuncAuth.Http.HttpLog", "FuncAuth.Passwords.PasswordLog"],
            LogClasses.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoggerMessages_AcrossTheAssembly_HaveUniqueEventIds()
    {
        var duplicates = Events.GroupBy(e => e.Attribute.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => $"{e.Type.Name}.{e.Method.Name}"))}");

        Assert.Empty(duplicates);
    }

    [Fact]
    public void LoggerMessages_AcrossTheAssembly_HaveUniqueEventNames()
    {
        var duplicates = Events.GroupBy(e => e.Attribute.EventName ?? e.Method.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Type.Name))}");

        Assert.Empty(duplicates);
    }

    [Fact]
    public void LoggerMessages_EachClass_LogInsideTheRangeItDeclares()
    {
        var outside = Events
            .Where(e => Range(e.Type) is var (first, last) && (e.Attribute.EventId < first || e.Attribute.EventId > last))
            .Select(e => $"{e.Type.Name}.{e.Method.Name} = {e.Attribute.EventId}, outside {Range(e.Type)}");

        Assert.Empty(outside);
    }

    [Fact]
    public void LogClasses_DeclaredRanges_AreValidAndDoNotOverlap()
    {
        var ranges = LogClasses.Select(t => (t.Name, Range: Range(t))).OrderBy(r => r.Range.First).ToList();

        Assert.All(ranges, r => Assert.True(r.Range.First > 0 && r.Range.First <= r.Range.Last, $"{r.Name}: {r.Range}"));
        Assert.All(ranges.Zip(ranges.Skip(1)), pair =>
            Assert.True(pair.First.Range.Last < pair.Second.Range.First, $"{pair.First.Name} {pair.First.Range} overlaps {pair.Second.Name} {pair.Second.Range}"));
    }

    [Fact]
    public void SecurityLog_EventIds_AreTheDocumentedStableOnes()
    {
        // docs/observability.md lists these for alert rules and queries: renumbering one breaks them silently.
        int[] documented = [1001, 1002, 1003, 1004, 1005, 1006, 1101, 1102, 1103, 1104, 1201, 1202, 1301];

        Assert.Equal(documented, Events.Where(e => e.Type == typeof(SecurityLog)).Select(e => e.Attribute.EventId).Order());
    }

    private static (int First, int Last) Range(Type type)
    {
        int Constant(string name) =>
            type.GetField(name, AllStatic) is { IsLiteral: true } field && field.GetRawConstantValue() is int value
                ? value
                : throw new InvalidOperationException($"{type.FullName} logs through [LoggerMessage] but declares no const int {name}.");

        return (Constant("FirstEventId"), Constant("LastEventId"));
    }
}
