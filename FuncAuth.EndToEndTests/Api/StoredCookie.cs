namespace FuncAuth.EndToEndTests.Api;

/// <summary>One cookie as a browser keeps it: host-only (no Domain handling), keyed by name, host and path.</summary>
public sealed record StoredCookie(
    string Name,
    string Value,
    string Host,
    string Path,
    DateTimeOffset? ExpiresAt,
    bool HttpOnly,
    bool Secure,
    string? SameSite,
    string RawSetCookie)
{
    /// <summary>RFC 6265 §5.1.4: the cookie path equals the request path, or is a prefix of it ending at a '/'.</summary>
    public bool MatchesPath(string requestPath)
    {
        if (string.Equals(requestPath, Path, StringComparison.Ordinal))
        {
            return true;
        }

        return requestPath.StartsWith(Path, StringComparison.Ordinal)
            && (Path.EndsWith('/') || requestPath[Path.Length] == '/');
    }
}
