using FuncAuth.Passwords;
using FuncAuth.TestSupport.Auth;
using FuncAuth.TestSupport.Logging;
using FuncAuth.TestSupport.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FuncAuth.Tests.Passwords;

public sealed class HashingGateTests
{
    private readonly RecordingLogger<HashingGate> _log = new();

    private HashingGate Gate(int k, int q, TimeSpan? timeout = null, TimeProvider? time = null) =>
        TestPasswords.Gate(
            TestPasswords.Options(o => (o.MaxConcurrentHashes, o.HashQueueLength, o.HashQueueTimeout) = (k, q, timeout ?? TimeSpan.FromSeconds(30))),
            time, _log);

    [Fact]
    public void TryAdmit_KPlusQTicketsOut_NextIsRefusedAtOnceAndLogged()
    {
        var gate = Gate(k: 2, q: 3);

        var tickets = Enumerable.Range(0, 5).Select(_ => gate.TryAdmit()).ToList();

        Assert.All(tickets, Assert.NotNull);
        Assert.Null(gate.TryAdmit());
        Assert.Equal(5, gate.Admitted);
        Assert.Equal([1401], _log.EventIds);
    }

    [Fact]
    public void Dispose_OneTicket_AdmitsOneMoreAndDisposingTwiceReleasesOnce()
    {
        var gate = Gate(k: 1, q: 1);
        var first = gate.TryAdmit()!;
        _ = gate.TryAdmit()!;
        Assert.Null(gate.TryAdmit());

        first.Dispose();
        first.Dispose();

        Assert.NotNull(gate.TryAdmit());
        Assert.Null(gate.TryAdmit());
        Assert.Equal(2, gate.Admitted);
    }

    [Fact]
    public void DefaultQueueLength_Unset_IsFourTimesK()
    {
        var gate = TestPasswords.Gate(TestPasswords.Options(o => o.MaxConcurrentHashes = 3));
        Assert.Equal((3, 12), (gate.MaxConcurrentHashes, gate.QueueLength));
    }

    [Fact]
    public async Task RunAsync_SlotsTaken_ReturnsWithoutBlockingTheCallerAndRunsWhenASlotFrees()
    {
        var gate = Gate(k: 1, q: 1);
        using var holder = gate.TryAdmit()!;
        using var waiter = gate.TryAdmit()!;
        using var release = new ManualResetEventSlim();
        var holding = Task.Run(() => gate.RunAsync(holder, () => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None));
        await WaitUntilAsync(() => gate.FreeSlots == 0);

        // Called on this thread: had it blocked waiting for the slot, the next line would never run.
        var waiting = gate.RunAsync(waiter, () => 42, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        release.Set();
        Assert.Equal(42, await waiting);
        Assert.True(await holding);
    }

    [Fact]
    public async Task RunAsync_NoSlotWithinTimeout_WaitsOneSecondBeforeAndThrowsBusyAtTheBoundary()
    {
        var time = new FakeTimeProvider(TestAuth.Start);
        var gate = Gate(k: 1, q: 1, TimeSpan.FromSeconds(5), time);
        using var holder = gate.TryAdmit()!;
        using var waiter = gate.TryAdmit()!;
        using var release = new ManualResetEventSlim();
        var holding = Task.Run(() => gate.RunAsync(holder, () => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None));
        await WaitUntilAsync(() => gate.FreeSlots == 0);

        var ran = false;
        var waiting = gate.RunAsync(waiter, () => ran = true, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        var busy = await Assert.ThrowsAsync<PasswordHashingBusyException>(() => waiting);

        Assert.Equal(TimeSpan.FromSeconds(5), busy.RetryAfter);
        Assert.Equal("Password hashing is at capacity on this instance; try again shortly.", busy.Message);
        Assert.False(ran);
        Assert.Contains(1402, _log.EventIds);
        release.Set();
        await holding;
    }

    [Fact]
    public async Task RunAsync_CallerCancelsWhileWaiting_ThrowsCanceledNotBusy()
    {
        var gate = Gate(k: 1, q: 1);
        using var holder = gate.TryAdmit()!;
        using var waiter = gate.TryAdmit()!;
        using var release = new ManualResetEventSlim();
        var holding = Task.Run(() => gate.RunAsync(holder, () => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None));
        await WaitUntilAsync(() => gate.FreeSlots == 0);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.RunAsync(waiter, () => 0, cancel.Token);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.IsNotType<PasswordHashingBusyException>(error);
        release.Set();
        await holding;
    }

    [Fact]
    public async Task RunAsync_WorkThrows_ReleasesTheSlot()
    {
        var gate = Gate(k: 1, q: 0);
        using var ticket = gate.TryAdmit()!;

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(ticket, () => throw new InvalidOperationException(), CancellationToken.None));

        var next = gate.RunAsync(ticket, () => 7, CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal(7, await next);
    }

    [Fact]
    public async Task RunAsync_KWorkItems_RunAtTheSameTime()
    {
        var gate = Gate(k: 2, q: 0);
        using var barrier = new Barrier(2);

        // Each item waits for the other inside its slot: this only finishes if both slots are in use together.
        var items = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var ticket = gate.TryAdmit()!;
            return await gate.RunAsync(ticket, () => barrier.SignalAndWait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        })).ToArray();

        Assert.All(await Task.WhenAll(items), Assert.True);
    }

    [Fact]
    public async Task RunAsync_ManyConcurrentCallers_NeverMoreThanKAtOnce()
    {
        const int k = 3;
        const int callers = 200;
        var gate = Gate(k, q: callers);
        var running = 0;
        var maxRunning = 0;
        var completed = 0;

        int Work()
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            Thread.Sleep(1);
            Interlocked.Decrement(ref running);
            return Interlocked.Increment(ref completed);
        }

        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            using var ticket = gate.TryAdmit() ?? throw new InvalidOperationException("refused");
            await gate.RunAsync(ticket, Work, CancellationToken.None);
        })));

        Assert.Equal(callers, completed);
        Assert.InRange(maxRunning, 1, k);
        Assert.Equal((0, k), (gate.Admitted, gate.FreeSlots));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    [Theory]
    [InlineData(0, 0, 1_000, "maxConcurrentHashes")]
    [InlineData(1, -1, 1_000, "queueLength")]
    [InlineData(1, 0, 0, "queueTimeout")]
    [InlineData(1, 0, -1, "queueTimeout")]
    public void Constructor_OutOfRangeSetting_ThrowsNamingIt(int k, int q, int timeoutMilliseconds, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HashingGate(
            k, q, TimeSpan.FromMilliseconds(timeoutMilliseconds), TimeProvider.System, NullLogger.Instance, TestMetrics.Create()));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void TryAdmit_Refused_LogNamesTheCapacity()
    {
        var gate = Gate(k: 2, q: 3);
        var tickets = Enumerable.Range(0, 5).Select(_ => gate.TryAdmit()).ToList();

        Assert.Null(gate.TryAdmit());

        Assert.Equal("Password hashing refused at admission: 5 requests already admitted", Assert.Single(_log.Entries).Message);
        Assert.All(tickets, t => t!.Dispose());
    }

    [Fact]
    public async Task RunAsync_TicketOfAnotherGate_ThrowsWithoutRunning()
    {
        var gate = Gate(k: 1, q: 0);
        var other = Gate(k: 1, q: 0);
        using var foreign = other.TryAdmit()!;
        var ran = false;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => gate.RunAsync(foreign, () => ran = true, CancellationToken.None));

        Assert.Equal("ticket", error.ParamName);
        Assert.StartsWith("The ticket was admitted by another gate.", error.Message, StringComparison.Ordinal);
        Assert.False(ran);
        Assert.Equal(1, gate.FreeSlots);
    }
}
