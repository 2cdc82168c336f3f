using System.Runtime.InteropServices;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>SIGTERM for a graceful stop: .NET's Process.Kill only sends SIGKILL, which would orphan the worker.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>False on Windows or when the signal could not be sent; the caller then kills the process tree.</summary>
    public static bool TryTerminate(int processId) => !OperatingSystem.IsWindows() && kill(processId, SigTerm) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
