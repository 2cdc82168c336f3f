namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>How a DevHost started by <see cref="DevHostCommand"/> ended.</summary>
public sealed record DevHostRun(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> ErrorLines =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
