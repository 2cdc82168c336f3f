namespace FuncAuth.Cleanup;

/// <summary>Why a clean-up run ended.</summary>
public enum CleanupStopReason
{
    /// <summary>The scan reached the end of the table; the next run starts again from the beginning.</summary>
    PassComplete,

    /// <summary><c>Cleanup__MaxDeletionsPerRun</c> rows were removed; the next run resumes where this one stopped.</summary>
    MaxDeletions,

    /// <summary><c>Cleanup__TimeBudget</c> ran out; the next run resumes where this one stopped.</summary>
    TimeBudget,
}
