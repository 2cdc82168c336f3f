namespace FuncAuth.TestSupport;

/// <summary>
/// Where the build put the things the over-HTTP tests run: the DevHost and the worker apps, in the same
/// configuration as this test assembly (FuncAuth.Tests/bin/&lt;Configuration&gt;/net10.0). FuncAuth.Tests references
/// the DevHost and the sample with ReferenceOutputAssembly=false, so `dotnet test` builds them first.
/// </summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string DevHostAssembly => Path.Combine(AppOutput("FuncAuth.DevHost"), "FuncAuth.DevHost.dll");

    /// <summary>The real app's build output, for the end-to-end suite.</summary>
    public static string FuncAuthApp => AppOutput("FuncAuth");

    public static string SampleApp => AppOutput(Path.Combine("samples", "DevHostSample"));

    public static string AppOutput(string projectDirectory) =>
        Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FuncAuth.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No FuncAuth.sln above {AppContext.BaseDirectory}.");
    }
}
