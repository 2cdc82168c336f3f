using FuncAuth.TestSupport;

namespace FuncAuth.EndToEndTests.DevHost;

/// <summary>A throw-away copy of the sample's build output, for tests that change its host.json, local.settings.json or worker.config.json.</summary>
public sealed class SampleAppCopy : IDisposable
{
    public SampleAppCopy()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(RepositoryLayout.SampleApp, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(Directory, Path.GetRelativePath(RepositoryLayout.SampleApp, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "devhost-sample-" + Guid.NewGuid().ToString("N"));

    public void Write(string fileName, string content) => File.WriteAllText(Path.Combine(Directory, fileName), content);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
