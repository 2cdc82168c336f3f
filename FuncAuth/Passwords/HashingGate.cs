using FuncAuth.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncAuth.Passwords;

/// <summary>
/// Bounds password hashing per instance, in two phases so a flood is shed before it costs a storage call:
/// <list type="number">
/// <item><see cref="TryAdmit"/>, at once: a ticket while fewer than K + Q are out, otherwise null (answer 503).</item>
/// <item>each hash waits (asynchronously, never blocking a thread) for one of K slots, at most the queue timeout,
/// otherwise <see cref="PasswordHashingBusyException"/>.</item>
/// </list>
/// At most K Argon2 computations run at once, so hashing memory stays within K × m. The computation itself runs
/// synchronously on the caller's thread-pool thread: with at most K of them, the pool is not starved.
/// </summary>
public sealed class HashingGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FuncAuthMetrics _metrics;
    private int _admitted;

    /// <summary>K, Q and the timeout from <see cref="PasswordOptions"/>.</summary>
    public HashingGate(IOptions<PasswordOptions> options, TimeProvider time, ILogger<HashingGate> logger, FuncAuthMetrics metrics)
        : this(options.Value.MaxConcurrentHashes, options.Value.EffectiveHashQueueLength, options.Value.HashQueueTimeout, time, logger, metrics)
    {
    }

    internal HashingGate(int maxConcurrentHashes, int queueLength, TimeSpan queueTimeout, TimeProvider time, ILogger logger, FuncAuthMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentHashes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLength);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(queueTimeout, TimeSpan.Zero);
        MaxConcurrentHashes = maxConcurrentHashes;
        QueueLength = queueLength;
        QueueTimeout = queueTimeout;
        RetryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(queueTimeout.TotalSeconds)));
        _slots = new SemaphoreSlim(maxConcurrentHashes, maxConcurrentHashes);
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>K: hashes running at once, at most.</summary>
    public int MaxConcurrentHashes { get; }

    /// <summary>Q: tickets admitted beyond K.</summary>
    public int QueueLength { get; }

    /// <summary>Longest wait for a slot.</summary>
    public TimeSpan QueueTimeout { get; }

    /// <summary>What a 503 from this gate should put in <c>Retry-After</c> (the queue timeout, whole seconds, at least 1).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Tickets currently out.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Slots not computing a hash right now.</summary>
    public int FreeSlots => _slots.CurrentCount;

    /// <summary>A ticket, or null at once when K + Q are already out (answer 503 with <see cref="RetryAfter"/>).</summary>
    public HashingTicket? TryAdmit()
    {
        var admitted = Interlocked.Increment(ref _admitted);
        if (admitted > MaxConcurrentHashes + QueueLength)
        {
            Interlocked.Decrement(ref _admitted);
            _logger.HashingAdmissionRefused(MaxConcurrentHashes + QueueLength);
            _metrics.RecordHashingRejection(HashingRejection.AdmissionFull);
            return null;
        }

        return new HashingTicket(this);
    }

    internal void Leave() => Interlocked.Decrement(ref _admitted);

    /// <summary>Runs <paramref name="work"/> in a slot; waits for one at most <see cref="QueueTimeout"/>.</summary>
    internal async Task<T> RunAsync<T>(HashingTicket ticket, Func<T> work, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(ticket.Gate, this))
        {
            throw new ArgumentException("The ticket was admitted by another gate.", nameof(ticket));
        }

        // Free slot: no timer, no allocation; the work runs on this thread.
        if (!_slots.Wait(0, CancellationToken.None))
        {
            // Stryker disable once Boolean : ConfigureAwait only picks where the continuation resumes; the worker has no SynchronizationContext, so no result differs
            await WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return work();
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        // The timer comes from the injected clock so tests can hold the wait at the boundary.
        using var timeout = new CancellationTokenSource(QueueTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // Stryker disable once Boolean : ConfigureAwait only picks where the continuation resumes; the worker has no SynchronizationContext, so no result differs
            await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.HashingSlotTimedOut((long)QueueTimeout.TotalMilliseconds);
            _metrics.RecordHashingRejection(HashingRejection.QueueTimeout);
            throw new PasswordHashingBusyException(RetryAfter);
        }
    }

    /// <summary>Releases the slot semaphore (the container disposes the singleton at shutdown).</summary>
    public void Dispose() => _slots.Dispose();
}
