namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// The DevHost's own command line: <c>--name value</c> or <c>--name=value</c> for the options that take a value,
/// the bare flags (<c>--allow-remote</c>, <c>--no-local-settings</c>, <c>--cors-credentials</c>), nothing else. Parsed by hand because the configuration binder silently
/// ignores unknown options and lets a bare flag swallow the next option as its value.
/// </summary>
public static class CommandLine
{
    /// <summary>Options that take a value, with the placeholder shown in messages.</summary>
    public static readonly IReadOnlyDictionary<string, string> ValueOptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["app"] = "<dir>",
        ["port"] = "<1-65535>",
        ["address"] = "<ip|localhost>",
        ["max-request-body-size"] = "<bytes>",
        ["cors"] = "<origin,origin,...>",
    };

    public const string AllowRemoteFlag = "allow-remote";

    /// <summary>Ignore the app's local.settings.json: every setting comes from the environment (tests do this).</summary>
    public const string NoLocalSettingsFlag = "no-local-settings";

    /// <summary>Core Tools' <c>--cors-credentials</c>: allow credentialed cross-origin requests from the <c>--cors</c> origins.</summary>
    public const string CorsCredentialsFlag = "cors-credentials";

    private static readonly string[] Flags = [AllowRemoteFlag, NoLocalSettingsFlag, CorsCredentialsFlag];

    /// <summary>One line listing every option, for the messages about a bad command line.</summary>
    public static string Usage =>
        string.Join(", ", ValueOptions.Select(o => $"--{o.Key} {o.Value}")) + ", " + string.Join(", ", Flags.Select(f => $"--{f}"));

    /// <summary>Option name (without <c>--</c>) to value; a flag maps to <c>true</c>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new DevHostConfigurationException($"unexpected argument '{argument}'; the options are {Usage}.");
            }

            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? argument[2..] : argument[2..separator];
            string value;
            if (Flags.Contains(name))
            {
                if (separator >= 0)
                {
                    throw new DevHostConfigurationException($"--{name} takes no value; write it alone.");
                }

                value = "true";
            }
            else if (!ValueOptions.TryGetValue(name, out var placeholder))
            {
                throw new DevHostConfigurationException($"unknown option '--{name}'; the options are {Usage}.");
            }
            else if (separator >= 0)
            {
                value = argument[(separator + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new DevHostConfigurationException($"--{name} needs a value: --{name} {placeholder}.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new DevHostConfigurationException($"--{name} is given twice; keep one.");
            }
        }

        return options;
    }
}
