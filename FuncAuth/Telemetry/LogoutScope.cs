namespace FuncAuth.Telemetry;

/// <summary>What a logout request ended.</summary>
public enum LogoutScope
{
    /// <summary>One session (a genuine refresh token, or the caller's own <c>sid</c>).</summary>
    Session,

    /// <summary>Nothing: no genuine refresh token and no caller (forged, absent or already gone).</summary>
    None,

    /// <summary>Every session of the caller (logout-all).</summary>
    All,
}
