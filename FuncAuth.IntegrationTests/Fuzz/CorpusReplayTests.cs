using FuncAuth.Fuzz.Targets;
using FuncAuth.TestSupport;

namespace FuncAuth.IntegrationTests.Fuzz;

/// <summary>
/// Replays every file of fuzz/corpus through the fuzz target of its folder (the same code, compiled in from
/// fuzz/FuncAuth.Fuzz/Targets): the inputs the fuzzer found interesting, and the ones that once crashed, must neither
/// throw nor break a target's promises. No I/O beyond reading the files.
/// </summary>
public sealed class CorpusReplayTests
{
    private static readonly string Corpus = Path.Combine(RepositoryLayout.Root, "fuzz", "corpus");

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTarget.All)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, target.Name)).Order(StringComparer.Ordinal))
            {
                data.Add(target.Name, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Run_CorpusFile_NeitherThrowsNorBreaksAPromise(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(Corpus, target, file));

        var exception = Record.Exception(() => FuzzTarget.Find(target)!.Run(input));

        Assert.Null(exception);
    }

    [Fact]
    public void Corpus_EveryTarget_HasInputsAndEveryFolderIsATarget()
    {
        var folders = Directory.EnumerateDirectories(Corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(FuzzTarget.All.Select(t => t.Name).Order(StringComparer.Ordinal), folders);
        Assert.All(FuzzTarget.All, t => Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(Corpus, t.Name))));
    }

    public static TheoryData<string, byte[]> KnownCrashes() => new()
    {
        // The minimized inputs that crashed before the fixes (docs/fuzzing.md).
        { "email", [FuzzText.Utf16Marker, 0xFE, 0xFF] },
        { "email", "a\uFFFE@b.co"u8.ToArray() },
        { "password", "correct horse battery \uFFFE"u8.ToArray() },
        { "email", "T\u0308@b.co"u8.ToArray() },
        { "access-token", System.Text.Encoding.ASCII.GetBytes(FuzzAuth.AccessTokens.Issue(new("u", "s")).Token + "=") },
    };

    [Theory]
    [MemberData(nameof(KnownCrashes))]
    public void Run_InputThatCrashedBeforeTheFix_NowHandled(string target, byte[] input) =>
        Assert.Null(Record.Exception(() => FuzzTarget.Find(target)!.Run(input)));
}
