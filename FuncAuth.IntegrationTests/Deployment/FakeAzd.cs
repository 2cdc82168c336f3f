using System.Runtime.Versioning;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// A hand-written stand-in for the azd CLI, put first on the PATH of the hook and rotation scripts: it keeps the
/// environment's values in a .env-style file (<c>env get-value</c>, <c>env set --file</c>), records every
/// command line, and remembers which value files it was handed. Real azd is not installed here.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class FakeAzd : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        set -euo pipefail
        printf '%s\n' "$*" >>"$FAKE_AZD_DIR/calls"
        touch "$FAKE_AZD_DIR/store"
        case "${1:-} ${2:-}" in
          "env get-value")
            line="$(grep "^$3=" "$FAKE_AZD_DIR/store" | tail -n 1)" || { echo "ERROR: key '$3' not found" >&2; exit 1; }
            value="${line#*=}"; value="${value#\"}"; printf '%s\n' "${value%\"}" ;;
          "env set")
            [ "$3" = "--file" ] || { echo "fake azd: only env set --file is expected" >&2; exit 3; }
            printf '%s\n' "$4" >>"$FAKE_AZD_DIR/files"
            cat "$4" >>"$FAKE_AZD_DIR/store" ;;
          *) echo "fake azd: unexpected command $*" >&2; exit 3 ;;
        esac
        """;

    public FakeAzd()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fake-azd-").FullName;
        var azd = Path.Combine(Directory, "azd");
        File.WriteAllText(azd, Script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    /// <summary>Command lines azd was called with.</summary>
    public IReadOnlyList<string> Calls => Lines("calls");

    /// <summary>Paths of the files handed to <c>azd env set --file</c>.</summary>
    public IReadOnlyList<string> ValueFiles => Lines("files");

    /// <summary>The environment's values, the last one set winning (as in azd's .env).</summary>
    public IReadOnlyDictionary<string, string> Values =>
        Lines("store")
            .Select(line => line.Split('=', 2))
            .GroupBy(pair => pair[0])
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim('"'));

    /// <summary>Seeds the environment, as a previous hook run or `azd env set` would have.</summary>
    public void Set(string name, string value) =>
        File.AppendAllText(Path.Combine(Directory, "store"), $"{name}=\"{value}\"\n");

    /// <summary>The process environment for a script: this fake first on the PATH, no FUNCAUTH_* leaking in.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string Value)[] values)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{Directory}:{System.Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_AZD_DIR"] = Directory,
        };
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("FUNCAUTH_", StringComparison.Ordinal)))
        {
            environment[name] = null;
        }

        foreach (var (name, value) in values)
        {
            environment[name] = value;
        }

        return environment;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string[] Lines(string file)
    {
        var path = Path.Combine(Directory, file);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}
