using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;

namespace FuncAuth.Tests.Passwords;

/// <summary>
/// Occupies one hashing slot of a service's gate with a dummy verification whose thread is parked until
/// <see cref="Release"/>, so a test can observe what waits for a slot and what does not.
/// </summary>
internal sealed class SlotHolder : IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly Task _holding;

    public SlotHolder(PasswordService service)
    {
        var ticket = service.Admit();
        var entered = new ManualResetEventSlim();

        // Work that parks its thread until released: the slot stays taken as long as a real hash would hold it.
        _holding = Task.Run(async () =>
        {
            using (ticket)
            {
                await service.Gate.RunAsync(ticket, () =>
                {
                    entered.Set();
                    _release.Wait();
                    return 0;
                }, CancellationToken.None);
            }
        });
        if (!entered.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The slot holder never got a slot.");
        }
    }

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _holding.GetAwaiter().GetResult();
        _release.Dispose();
    }
}
