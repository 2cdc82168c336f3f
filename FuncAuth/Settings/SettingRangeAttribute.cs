using System.ComponentModel.DataAnnotations;

namespace FuncAuth.Settings;

/// <summary>
/// <see cref="RangeAttribute"/> whose <c>ErrorMessage</c> survives the <c>[OptionsValidator]</c> generator: the
/// generator swaps a plain <c>[Range]</c> for a copy of its own that ignores <c>ErrorMessage</c> (dotnet/runtime
/// issue 123137), which would lose the setting's environment-variable name. A subclass is used as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    /// <summary>An inclusive integer range.</summary>
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    /// <summary>An inclusive range of <paramref name="type"/> parsed from invariant strings (e.g. <see cref="TimeSpan"/>).</summary>
    public SettingRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }
}
