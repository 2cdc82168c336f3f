using System.ComponentModel.DataAnnotations;
using FuncAuth.Settings;

namespace FuncAuth.Cleanup;

/// <summary>
/// Settings of the session clean-up: <c>CleanupSchedule</c> and <c>Cleanup__*</c>. Validated at startup by
/// <see cref="SessionCleanupOptionsValidator"/>.
/// </summary>
public sealed class SessionCleanupOptions
{
    /// <summary>Configuration section of the worker-side settings.</summary>
    public const string SectionName = "Cleanup";

    private const string Prefix = SectionName + Setting.Separator;

    /// <summary>
    /// The schedule's app setting. The Functions host (and, on consumption plans, the platform that wakes the app for
    /// a timer) resolves it, not the worker; a flat name resolves the same everywhere, whereas a nested
    /// <c>Cleanup__Schedule</c> is seen as <c>Cleanup:Schedule</c> by the host and is reported not to fire reliably on
    /// Linux consumption (azure-functions-host issue 8649).
    /// </summary>
    public const string ScheduleSetting = "CleanupSchedule";

    /// <summary>The trigger's schedule: the app setting, resolved by the host.</summary>
    public const string ScheduleBinding = "%" + ScheduleSetting + "%";

    /// <summary>The schedule the sample settings and the deployment set: hourly, on the hour.</summary>
    public const string DefaultSchedule = "0 0 * * * *";

    /// <summary>
    /// <c>CleanupSchedule</c>, as the host will read it (null when unset: the host then reports the function in error
    /// and never runs it). Set from the flat setting, not bound from the section.
    /// </summary>
    [NcrontabSchedule(ErrorMessage = ScheduleSetting + " must be six NCRONTAB fields: second minute hour day month day-of-week " +
                                     "(e.g. 0 0 * * * * for hourly), with one value in the seconds field, that fire at least once")]
    public string? Schedule { get; internal set; }

    /// <summary>
    /// <c>Cleanup__MaxDeletionsPerRun</c>: rows one run removes at most before it saves its position and stops. Default
    /// 100,000: about 2 minutes at the rate measured against Azurite (docs/cleanup.md), inside the time budget.
    /// </summary>
    [SettingRange(1, 10_000_000, ErrorMessage = Prefix + nameof(MaxDeletionsPerRun) + Setting.Between)]
    public int MaxDeletionsPerRun { get; set; } = 100_000;

    /// <summary>
    /// <c>Cleanup__TimeBudget</c>: how long one run keeps starting new pages and batches. Default 4 minutes: inside the
    /// host's default function timeout on every plan (5 minutes on Consumption, 30 on Flex Consumption and Premium)
    /// with room for the last page or batch in flight. At most 20 minutes; keep it below <c>functionTimeout</c>.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "00:20:00", ErrorMessage = Prefix + nameof(TimeBudget) + Setting.Between)]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>
    /// <c>Cleanup__MaxConcurrentBatches</c>: delete transactions in flight at once (each on another user's partition).
    /// Default 4: the run is bound by round trips, not by the account's throughput (20,000 transactions/s).
    /// </summary>
    [SettingRange(1, 32, ErrorMessage = Prefix + nameof(MaxConcurrentBatches) + Setting.Between)]
    public int MaxConcurrentBatches { get; set; } = 4;

    /// <summary><c>Cleanup__StateTable</c>: the table holding the scan's checkpoint. Default <c>sessioncleanup</c>.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$",
        ErrorMessage = Prefix + nameof(StateTable) + " must be a Table name: 3-63 letters and digits, starting with a letter")]
    public string StateTable { get; set; } = "sessioncleanup";
}
