using System.Diagnostics;
using System.Net;
using FuncAuth.TestSupport.Functions;

namespace FuncAuth.EndToEndTests.Api.Soak;

/// <summary>
/// One client of the soak: its own accounts and sessions (so it knows every token it was given), plus attacks on the
/// shared attacked accounts. Picks weighted random actions until told to stop, checking each answer as it goes.
/// </summary>
internal sealed class SoakWorker(SoakApi api, SoakLedger ledger, IReadOnlyList<SoakUser> mine, IReadOnlyList<SoakUser> attacked, TimeSpan grace, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<SoakSession> _sessions = [];

    public IEnumerable<SoakSession> Alive => _sessions.Where(s => s.Alive);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var roll = _random.Next(100);
            var session = Alive.Skip(_random.Next(Math.Max(1, Alive.Count()))).FirstOrDefault();
            if (session is null || roll < 15)
            {
                await LoginAsync();
            }
            else if (roll < 40)
            {
                await RefreshAsync(session, "refresh");
            }
            else if (roll < 48)
            {
                await DoubleRefreshAsync(session);
            }
            else if (roll < 56)
            {
                await QuickReplayAsync(session);
            }
            else if (roll < 61)
            {
                await StaleReplayAsync(session, delayed: roll == 60);
            }
            else if (roll < 66)
            {
                await ForgeriesAsync(session);
            }
            else if (roll < 81)
            {
                Expect(session, roll % 2 == 0 ? "fav-movies" : "me", HttpStatusCode.OK,
                    await api.ProtectedAsync(roll % 2 == 0 ? "api/users/fav-movies" : "api/users/me", session.AccessToken, roll % 2 == 0 ? "fav-movies" : "me"));
            }
            else if (roll < 89)
            {
                await GuessAsync();
            }
            else if (roll < 98)
            {
                await LogoutAsync(session);
            }
            else
            {
                await LogoutAllAsync(session);
            }
        }
    }

    private async Task LoginAsync()
    {
        var user = mine[_random.Next(mine.Count)];
        var (status, session) = await api.LoginAsync(user, user.Password, cookieMode: _random.Next(2) == 0);
        if (session is null)
        {
            ledger.Violate($"login of a live account answered {(int)status}");
            return;
        }

        _sessions.Add(session);
    }

    private async Task<bool> RefreshAsync(SoakSession session, string action)
    {
        var (status, access, refresh) = await api.RefreshAsync(session, session.Current, action);
        if (status != HttpStatusCode.OK)
        {
            ledger.Violate($"{action} of a live session's current token answered {(int)status} (session lost)");
            session.End();
            return false;
        }

        session.Rotated(access!, refresh!);
        return true;
    }

    private async Task DoubleRefreshAsync(SoakSession session)
    {
        var token = session.Current;
        var both = await Task.WhenAll(api.RefreshAsync(session, token, "double refresh"), api.RefreshAsync(session, token, "double refresh"));
        if (both.Any(r => r.Status != HttpStatusCode.OK) || both[0].Refresh != both[1].Refresh)
        {
            ledger.Violate($"a concurrent double refresh answered {(int)both[0].Status}/{(int)both[1].Status} with {(both[0].Refresh == both[1].Refresh ? "one successor" : "two successors")}");
            session.End();
            return;
        }

        session.Rotated(both[0].Access!, both[0].Refresh!);
    }

    private async Task QuickReplayAsync(SoakSession session)
    {
        var previous = session.Current;
        var watch = Stopwatch.StartNew();
        if (!await RefreshAsync(session, "refresh"))
        {
            return;
        }

        var (status, _, successor) = await api.RefreshAsync(session, previous, "replay inside grace");
        if (watch.Elapsed < grace - TimeSpan.FromMilliseconds(500) && (status != HttpStatusCode.OK || successor != session.Current))
        {
            ledger.Violate($"a replay {watch.Elapsed.TotalMilliseconds:F0} ms into the grace window answered {(int)status}{(status == HttpStatusCode.OK ? " with another successor" : "")}");
        }

        if (status != HttpStatusCode.OK)
        {
            session.End();
        }
    }

    private async Task StaleReplayAsync(SoakSession session, bool delayed)
    {
        while (session.Chain.Count < 3 && await RefreshAsync(session, "refresh"))
        {
        }

        if (delayed)
        {
            // The just-replaced token once the grace window has passed.
            await Task.Delay(grace + TimeSpan.FromMilliseconds(500));
        }

        var stale = delayed ? session.Chain[^2] : session.Chain[_random.Next(session.Chain.Count - 2)];
        var (replay, _, _) = await api.RefreshAsync(session, stale, delayed ? "replay after grace" : "replay of an older token");
        var (current, _, _) = await api.RefreshAsync(session, session.Current, "refresh after a replay");
        if (replay != HttpStatusCode.Unauthorized || current != HttpStatusCode.Unauthorized)
        {
            ledger.Violate($"a replay outside the grace window answered {(int)replay} and left the session's current token answering {(int)current}");
        }

        session.End();
    }

    private async Task ForgeriesAsync(SoakSession session)
    {
        var forgedRefresh = RefreshTokenForgery.WithRandomMac(session.Current);
        var (status, _, _) = await api.RefreshAsync(session, forgedRefresh, "forged refresh");
        var signature = session.AccessToken[^2] == 'A' ? 'B' : 'A';
        var forgedAccess = session.AccessToken[..^2] + signature + session.AccessToken[^1];
        var accessStatus = await api.ProtectedAsync("api/users/fav-movies", forgedAccess, "forged access token");
        if (status != HttpStatusCode.Unauthorized || accessStatus != HttpStatusCode.Unauthorized)
        {
            ledger.Violate($"a forged refresh token answered {(int)status}, a forged access token {(int)accessStatus}");
        }
    }

    private async Task GuessAsync()
    {
        var target = attacked[_random.Next(attacked.Count)];
        var (status, _) = await api.LoginAsync(target, $"a wrong guess number {_random.Next()}", cookieMode: false);
        if (status == HttpStatusCode.Unauthorized)
        {
            ledger.GuessVerified(target.Email);
        }
        else if (status != HttpStatusCode.TooManyRequests)
        {
            ledger.Violate($"a wrong password answered {(int)status}");
        }
    }

    private async Task LogoutAsync(SoakSession session)
    {
        Expect(session, "logout", HttpStatusCode.NoContent, await api.LogoutAsync(session));
        session.End();
        var (status, _, _) = await api.RefreshAsync(session, session.Current, "refresh after logout");
        if (status != HttpStatusCode.Unauthorized)
        {
            ledger.Violate($"a logged-out session refreshed with {(int)status}");
        }
    }

    private async Task LogoutAllAsync(SoakSession session)
    {
        Expect(session, "logout-all", HttpStatusCode.NoContent, await api.LogoutAllAsync(session));
        foreach (var ended in _sessions.Where(s => s.User == session.User && s.Alive).ToList())
        {
            ended.End();
            var (status, _, _) = await api.RefreshAsync(ended, ended.Current, "refresh after logout-all");
            if (status != HttpStatusCode.Unauthorized)
            {
                ledger.Violate($"a session ended by logout-all refreshed with {(int)status}");
            }
        }
    }

    private void Expect(SoakSession session, string action, HttpStatusCode expected, HttpStatusCode actual)
    {
        if (actual != expected)
        {
            ledger.Violate($"{action} on a live session answered {(int)actual}, expected {(int)expected}");
            session.End();
        }
    }
}
