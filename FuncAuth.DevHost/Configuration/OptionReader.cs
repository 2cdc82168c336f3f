namespace FuncAuth.DevHost.Configuration;

/// <summary>Looks an option up on the command line first, then in its <c>DEVHOST_*</c> environment variable.</summary>
public sealed class OptionReader(IReadOnlyDictionary<string, string> commandLine, Func<string, string?> environment)
{
    /// <summary><c>max-request-body-size</c> → <c>DEVHOST_MAX_REQUEST_BODY_SIZE</c>.</summary>
    public static string VariableName(string option) =>
        "DEVHOST_" + option.ToUpperInvariant().Replace('-', '_');

    /// <summary>Null when the option is given nowhere; an empty environment variable counts as not given.</summary>
    public OptionValue? Get(string option)
    {
        if (commandLine.TryGetValue(option, out var text))
        {
            return new OptionValue(text, $"--{option}");
        }

        var variable = VariableName(option);
        return environment(variable) is { Length: > 0 } value ? new OptionValue(value, variable) : null;
    }
}
