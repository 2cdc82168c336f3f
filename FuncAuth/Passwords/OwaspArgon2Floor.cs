namespace FuncAuth.Passwords;

/// <summary>
/// OWASP Password Storage Cheat Sheet: five Argon2id configurations (all p = 1) of equal defensive strength,
/// trading memory for passes. A setting is strong enough when it reaches one of them in both memory and passes.
/// </summary>
public static class OwaspArgon2Floor
{
    /// <summary>The least memory of any configuration on the list (m = 7 MiB, t = 5).</summary>
    public const int SmallestMemoryKiB = 7168;

    /// <summary>(memory KiB, iterations) pairs, strongest memory first.</summary>
    public static IReadOnlyList<(int MemoryKiB, int Iterations)> Configurations { get; } =
    [
        (47104, 1),
        (19456, 2),
        (12288, 3),
        (9216, 4),
        (SmallestMemoryKiB, 5),
    ];

    /// <summary>True when (<paramref name="memoryKiB"/>, <paramref name="iterations"/>) is at least one configuration in both.</summary>
    public static bool IsMet(long memoryKiB, long iterations) =>
        Configurations.Any(c => memoryKiB >= c.MemoryKiB && iterations >= c.Iterations);

    /// <summary>The list as <c>m=47104/t=1, …</c> for error messages.</summary>
    public static string Describe() => string.Join(", ", Configurations.Select(c => $"m={c.MemoryKiB}/t={c.Iterations}"));
}
