namespace FuncAuth.Fuzz.Targets;

/// <summary>A clock that never moves, so a corpus file gives the same verdict on every replay.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
