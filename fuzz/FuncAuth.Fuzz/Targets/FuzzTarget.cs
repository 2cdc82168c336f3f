namespace FuncAuth.Fuzz.Targets;

/// <summary>One fuzz target: a name for <c>fuzz/run.sh</c> and the corpus folder, and the code one input runs through.</summary>
/// <param name="Name">The argument and the folder name under <c>fuzz/corpus/</c>.</param>
/// <param name="Run">Throws (any exception, <see cref="FuzzInvariantException"/> included) exactly when the code misbehaves.</param>
public sealed record FuzzTarget(string Name, FuzzTarget.Input Run)
{
    /// <summary>Runs one input through the target.</summary>
    public delegate void Input(ReadOnlySpan<byte> data);

    /// <summary>Every target, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("refresh-token", RefreshTokenTarget.Run),
        new("cookie-header", CookieHeaderTarget.Run),
        new("access-token", AccessTokenTarget.Run),
        new("json-body", JsonBodyTarget.Run),
        new("email", EmailTarget.Run),
        new("password", PasswordTarget.Run),
        new("phc", StoredHashTarget.Run),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
