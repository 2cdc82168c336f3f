namespace FuncAuth.Tests.Passwords;

/// <summary>
/// Passwords that are not valid UTF-16, as a JSON escape such as <c>"\ud800"</c> produces. Built in code and
/// named in theories: attribute arguments are stored as UTF-8, which turns an unpaired surrogate into U+FFFD.
/// </summary>
internal static class HostilePasswords
{
    public const char HighSurrogate = '\ud800';
    public const char LowSurrogate = '\udc00';

    public static TheoryData<string> UnpairedSurrogateNames => ["high-in-middle", "low-in-middle", "reversed-pair", "high-at-end", "low-at-start"];

    public static string UnpairedSurrogate(string name) => name switch
    {
        "high-in-middle" => $"correct horse {HighSurrogate} battery",
        "low-in-middle" => $"correct horse {LowSurrogate} battery",
        "reversed-pair" => $"correct horse battery {LowSurrogate}{HighSurrogate}",
        "high-at-end" => $"correct horse battery staple{'\ud83d'}",
        "low-at-start" => $"{LowSurrogate}correct horse battery staple",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
