namespace FuncAuth.Passwords;

/// <summary>
/// No hashing slot became free within <c>Auth__Passwords__HashQueueTimeout</c>: the instance is saturated.
/// The HTTP layer answers 503 with <c>Retry-After</c> (<see cref="RetryAfter"/>); nothing was verified or stored.
/// </summary>
public sealed class PasswordHashingBusyException(TimeSpan retryAfter)
    : Exception("Password hashing is at capacity on this instance; try again shortly.")
{
    /// <summary>How long a client should wait before retrying (whole seconds, at least one).</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
