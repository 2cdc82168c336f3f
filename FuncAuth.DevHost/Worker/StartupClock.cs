using System.Diagnostics;

namespace FuncAuth.DevHost.Worker;

/// <summary>
/// Measures cold start from the worker's launch: to "all functions loaded" and to the first 2xx response.
/// These are the numbers the README quotes, so they are logged by the DevHost itself rather than guessed from outside.
/// </summary>
public sealed class StartupClock
{
    private long _launchedAt;
    private int _firstSuccessRecorded;

    public void MarkLaunched() => Interlocked.Exchange(ref _launchedAt, Stopwatch.GetTimestamp());

    public TimeSpan SinceLaunch => Stopwatch.GetElapsedTime(Interlocked.Read(ref _launchedAt));

    /// <summary>Returns the time since launch the first time it is called with a success status, null afterwards.</summary>
    public TimeSpan? TryRecordFirstSuccess(int statusCode)
    {
        if (statusCode is < 200 or > 299 || Interlocked.Exchange(ref _firstSuccessRecorded, 1) == 1)
        {
            return null;
        }

        return SinceLaunch;
    }
}
