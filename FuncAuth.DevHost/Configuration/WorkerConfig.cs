using System.Text.Json;

namespace FuncAuth.DevHost.Configuration;

/// <summary>
/// How to start the worker, from the <c>worker.config.json</c> the Worker SDK writes into the build output
/// (<c>description.defaultExecutablePath</c> and <c>description.defaultWorkerPath</c>).
/// </summary>
public sealed record WorkerConfig(string ExecutablePath, string WorkerPath)
{
    public static WorkerConfig Load(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "worker.config.json");
        if (!File.Exists(path))
        {
            throw new DevHostConfigurationException(
                $"{path} is missing: '{appDirectory}' is not the build output of an isolated worker app.");
        }

        string? executable;
        string? worker;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var description = document.RootElement.GetProperty("description");
            executable = description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() : null;
            worker = description.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Invalid JSON, no "description" object, or a non-string path: rebuild the app to regenerate the file.
            throw new DevHostConfigurationException($"{path} is not a worker.config.json the DevHost can read ({e.Message}): rebuild the function app.");
        }

        if (string.IsNullOrEmpty(worker))
        {
            throw new DevHostConfigurationException($"{path} names no defaultWorkerPath.");
        }

        // Self-contained builds use the {WorkerRoot} placeholder, which the host replaces with the app directory.
        return new WorkerConfig(
            Resolve(string.IsNullOrEmpty(executable) ? "dotnet" : executable, appDirectory),
            Path.GetFullPath(Resolve(worker, appDirectory), appDirectory));
    }

    private static string Resolve(string value, string appDirectory) =>
        value.Replace("{WorkerRoot}", appDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
