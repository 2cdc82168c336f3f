using FuncAuth.Http;

namespace FuncAuth.Fuzz.Targets;

/// <summary>
/// <c>cookie-header</c>: the input is one or more <c>Cookie</c> header values, one per line. Reading either auth cookie,
/// under the default and the <c>__Host-</c> names, must not throw and must return a value exactly when the name occurs
/// once as a <c>name=value</c> pair whose trimmed value is 1..4096 characters (a name sent twice counts as absent).
/// </summary>
public static class CookieHeaderTarget
{
    /// <summary>Runs one input.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var lines = FuzzText.Decode(input).Split('\n');
        var request = new FuzzRequest(lines.Select(line => new KeyValuePair<string, string>("Cookie", line)), []);
        var sent = request.Headers.TryGetValues("Cookie", out var values) ? values.ToList() : [];

        foreach (var (names, cookies) in FuzzAuth.CookieReaders)
        {
            FuzzInvariantException.Holds(cookies.ReadAccessToken(request) == Expected(sent, names.AccessName), $"{names.AccessName} read as the header says");
            FuzzInvariantException.Holds(cookies.ReadRefreshToken(request) == Expected(sent, names.RefreshName), $"{names.RefreshName} read as the header says");
        }
    }

    /// <summary>The reference reading: pairs split at ';', then at the first '='; the name compared after trimming.</summary>
    public static string? Expected(IReadOnlyList<string> headerValues, string name)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        var matches = headerValues
            .SelectMany(header => header.Split(';'))
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
            .Select(parts => parts[1].Trim())
            .ToList();
        return matches is [{ Length: > 0 and <= AuthCookies.MaxCookieValueLength } value] ? value : null;
    }
}
