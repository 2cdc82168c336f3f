using FuncAuth.DevHost.Configuration;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// The variables added to the inherited environment of the worker: what Core Tools exports from local.settings.json
/// (an existing environment variable wins) and what the host adds for every isolated worker.
/// </summary>
internal static class WorkerEnvironment
{
    /// <summary>The authority the app is served on; apps derive their public origin from it.</summary>
    public const string WebsiteHostname = "WEBSITE_HOSTNAME";

    public static IReadOnlyDictionary<string, string> Build(DevHostOptions options)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in options.LocalSettings.Values)
        {
            // A settings file must not be able to tell the app it is served elsewhere (any spelling: configuration keys ignore case).
            if (!IsWebsiteHostname(name))
            {
                AddUnlessSet(variables, name, value);
            }
        }

        foreach (var (name, value) in options.LocalSettings.ConnectionStrings)
        {
            AddUnlessSet(variables, $"ConnectionStrings:{name}", value);
        }

        // Core Tools (StartHostAction.GetConfigurationSettings): the authority of http://localhost:<port>, whatever
        // address it listens on; an explicit environment variable still wins, as for every setting.
        AddUnlessSet(variables, WebsiteHostname, $"localhost:{options.Port}");
        variables["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        variables["FUNCTIONS_WORKER_DIRECTORY"] = options.AppDirectory;
        // Required: without it every FunctionLoadResponse is a failure (script_file is resolved against it).
        variables["FUNCTIONS_APPLICATION_DIRECTORY"] = options.AppDirectory;
        variables["AzureWebJobsScriptRoot"] = options.AppDirectory;
        // Core Tools forces Development, so the worker's IHostEnvironment matches func start.
        variables["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        return variables;
    }

    public static bool IsWebsiteHostname(string name) => name.Equals(WebsiteHostname, StringComparison.OrdinalIgnoreCase);

    private static void AddUnlessSet(Dictionary<string, string> variables, string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            variables[name] = value;
        }
    }
}
