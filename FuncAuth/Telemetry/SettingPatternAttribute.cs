using System.ComponentModel.DataAnnotations;

namespace FuncAuth.Telemetry;

/// <summary>
/// <see cref="RegularExpressionAttribute"/> (whole value, empty allowed) used as written by the <c>[OptionsValidator]</c>
/// generator, so its <c>ErrorMessage</c> (naming the setting, never quoting the value) survives.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingPatternAttribute(string pattern) : RegularExpressionAttribute(pattern);
