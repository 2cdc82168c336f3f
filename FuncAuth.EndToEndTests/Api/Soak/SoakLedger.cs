using System.Collections.Concurrent;
using System.Net;

namespace FuncAuth.EndToEndTests.Api.Soak;

/// <summary>
/// Everything the soak's clients saw, and the invariants checked against it afterwards. Violations are collected as
/// sentences rather than thrown, so one run reports all of them.
/// </summary>
internal sealed class SoakLedger
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _successors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _verifiedGuesses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();
    // A hang bound, not a speed target: far above any answer on a quiet machine, low enough to catch a stuck request.
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(15);
    private long _slowestTicks;
    private int _requests;

    public int Requests => _requests;

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Every answer: no 5xx, nothing slower than the hang bound.</summary>
    public void Answer(string action, HttpStatusCode status, TimeSpan took)
    {
        Interlocked.Increment(ref _requests);
        _counts.AddOrUpdate($"{action} {(int)status}", 1, (_, n) => n + 1);
        if ((int)status >= 500)
        {
            Violate($"{action} answered {(int)status}");
        }

        if (took > HangBound)
        {
            Violate($"{action} took {took.TotalMilliseconds:F0} ms");
        }

        long seen;
        while (took.Ticks > (seen = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, took.Ticks, seen) != seen)
        {
        }
    }

    /// <summary>A refresh token was accepted and answered with <paramref name="successor"/>.</summary>
    public void Accepted(string presented, string successor) =>
        _successors.GetOrAdd(presented, _ => []).Add(successor);

    /// <summary>A wrong password on an attacked account was checked (answered 401 rather than 429).</summary>
    public void GuessVerified(string email) => _verifiedGuesses.AddOrUpdate(email, 1, (_, n) => n + 1);

    public void Violate(string what) => _violations.Enqueue(what);

    /// <summary>The invariants that need the whole run.</summary>
    public void CheckAtEnd(int maxFailedAttempts)
    {
        foreach (var (token, successors) in _successors)
        {
            // A refresh token is accepted more than once only as the idempotent retry: with the same successor.
            if (successors.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                Violate($"refresh token …{token[^6..]} was accepted with {successors.Distinct().Count()} different successors");
            }
        }

        foreach (var (email, guesses) in _verifiedGuesses)
        {
            if (guesses > maxFailedAttempts)
            {
                Violate($"{guesses} wrong passwords were checked for {email} (limit {maxFailedAttempts})");
            }
        }
    }
}
