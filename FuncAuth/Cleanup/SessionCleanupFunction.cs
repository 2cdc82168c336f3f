using Microsoft.Azure.Functions.Worker;

namespace FuncAuth.Cleanup;

/// <summary>
/// The timer that deletes sessions that can never be used again (docs/cleanup.md). Schedule: the <c>CleanupSchedule</c>
/// app setting, resolved by the host. Not run at startup: a scale-out or a cold start must not add runs.
/// </summary>
public sealed class SessionCleanupFunction(SessionCleaner cleaner)
{
    /// <summary>The function's name: <c>POST /admin/functions/SessionCleanup</c> runs it once by hand.</summary>
    public const string Name = "SessionCleanup";

    /// <summary>One bounded, resumable run (see <see cref="SessionCleaner"/>).</summary>
    [Function(Name)]
    public Task Run(
        [TimerTrigger(SessionCleanupOptions.ScheduleBinding, RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        cleaner.RunOnceAsync(cancellationToken);
}
