namespace FuncAuth.EndToEndTests.Api.Soak;

/// <summary>One session as its owning client sees it: every refresh token it was given, in order.</summary>
internal sealed class SoakSession(SoakUser user, bool cookieMode, string accessToken, string refreshToken)
{
    private readonly List<string> _chain = [refreshToken];

    public SoakUser User { get; } = user;

    public bool CookieMode { get; } = cookieMode;

    public string AccessToken { get; private set; } = accessToken;

    /// <summary>Every refresh token issued in this session, oldest first; the last is current.</summary>
    public IReadOnlyList<string> Chain => _chain;

    public string Current => _chain[^1];

    /// <summary>False once the client logged it out or deliberately replayed a stale token of it.</summary>
    public bool Alive { get; private set; } = true;

    public void Rotated(string accessToken, string refreshToken)
    {
        AccessToken = accessToken;
        if (refreshToken != Current)
        {
            _chain.Add(refreshToken);
        }
    }

    public void End() => Alive = false;
}
