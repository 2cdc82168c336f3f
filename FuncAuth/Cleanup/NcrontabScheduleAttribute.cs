using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace FuncAuth.Cleanup;

/// <summary>
/// A timer schedule the Functions host will accept and that makes sense for a clean-up: six NCRONTAB fields
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>) as parsed by NCrontab, the host's own parser; one
/// value in the seconds field, so it fires at most once a minute (<c>*/5 * * * * *</c>, "every 5 seconds", is the usual
/// slip for "every 5 minutes"); and at least one occurrence in the next four years. Null passes: unset is reported by
/// the host, which cannot index a trigger whose setting does not resolve.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NcrontabScheduleAttribute : ValidationAttribute
{
    /// <inheritdoc />
    public override bool IsValid(object? value)
    {
        if (value is null)
        {
            return true;
        }

        if (value is not string expression)
        {
            return false;
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 6 || !fields[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (schedule is null)
        {
            return false;
        }

        // A fixed start keeps the check deterministic; four years covers 29 February.
        var start = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddYears(4);
        return schedule.GetNextOccurrence(start, end) < end;
    }
}
