using FuncAuth.DevHost.Configuration;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// The variables added to the inherited environment of the worker: what Core Tools exports from local.settings.json
/// (an existing environment variable wins) and what the host adds for every isolated worker.
/// </summary>
internal static class WorkerEnvironment
{
    public static IReadOnlyDictionary<string, string> Build(DevHostOptions options)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in options.LocalSettings.Values)
        {
            AddUnlessSet(variables, name, value);
        }

        foreach (var (name, value) in options.LocalSettings.ConnectionStrings)
        {
            AddUnlessSet(variables, $"ConnectionStrings:{name}", value);
        }

        variables["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        variables["FUNCTIONS_WORKER_DIRECTORY"] = options.AppDirectory;
        // Required: without it every FunctionLoadResponse is a failure (script_file is resolved against it).
        variables["FUNCTIONS_APPLICATION_DIRECTORY"] = options.AppDirectory;
        variables["AzureWebJobsScriptRoot"] = options.AppDirectory;
        // Core Tools forces Development, so the worker's IHostEnvironment matches func start.
        variables["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        return variables;
    }

    private static void AddUnlessSet(Dictionary<string, string> variables, string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            variables[name] = value;
        }
    }
}
