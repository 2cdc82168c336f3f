namespace FuncAuth.Passwords;

/// <summary>
/// Admission to hash on this instance, from <see cref="HashingGate.TryAdmit"/> (or <see cref="PasswordService.TryAdmit"/>).
/// Hold it for the whole request (<c>using</c>) and pass it to every <see cref="PasswordService"/> call; disposing
/// it gives the place back. It does not hold a hashing slot: each hash waits for one, bounded by the queue timeout.
/// </summary>
public sealed class HashingTicket : IDisposable
{
    private HashingGate? _gate;

    internal HashingTicket(HashingGate gate) => _gate = gate;

    /// <summary>The gate that admitted this ticket; throws once the ticket is disposed.</summary>
    internal HashingGate Gate => _gate ?? throw new ObjectDisposedException(nameof(HashingTicket));

    /// <summary>Gives the admission back; idempotent.</summary>
    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Leave();
}
