using System.Globalization;

namespace FuncAuth.Settings;

/// <summary>
/// Names a setting the way operators set it: the environment-variable form (<c>Auth__Lockout__Duration</c>), which is
/// also what App Service and <c>local.settings.json</c> use. Validation messages are built from it (and from
/// <c>nameof</c>), so a renamed property cannot leave a message naming a setting that no longer exists.
/// </summary>
public static class Setting
{
    /// <summary>The separator of configuration levels in environment variables.</summary>
    public const string Separator = "__";

    /// <summary>The tail of a range attribute's message: <c>{1}</c> and <c>{2}</c> are its minimum and maximum.</summary>
    public const string Between = " must be between {1} and {2}";

    /// <summary><paramref name="sectionName"/> (<c>:</c>-separated) followed by <paramref name="path"/>, joined by <c>__</c>.</summary>
    public static string Name(string sectionName, params ReadOnlySpan<string> path)
    {
        ArgumentNullException.ThrowIfNull(sectionName);
        var name = sectionName.Replace(":", Separator, StringComparison.Ordinal);
        foreach (var part in path)
        {
            name += Separator + part;
        }

        return name;
    }

    /// <summary>The <paramref name="index"/>th entry of the list setting <paramref name="list"/> (<c>Auth__AllowedOrigins__0</c>).</summary>
    public static string Item(string list, int index) => list + Separator + index.ToString(CultureInfo.InvariantCulture);
}
