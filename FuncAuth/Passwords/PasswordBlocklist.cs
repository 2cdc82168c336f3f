using System.Collections.Frozen;
using System.Text;

namespace FuncAuth.Passwords;

/// <summary>
/// Common and breached passwords, compared case-insensitively (NFKC, then invariant lower case). The bundled list is
/// the 30,000 most frequent passwords of the zxcvbn npm package (MIT; see Blocklist/NOTICE.md), loaded once per
/// process into a frozen set.
/// </summary>
public sealed class PasswordBlocklist
{
    private const string ResourceName = "FuncAuth.Passwords.Blocklist.common-passwords.txt";

    private static readonly Lazy<PasswordBlocklist> Bundled = new(LoadBundled);

    private readonly FrozenSet<string> _entries;

    /// <summary>A list of one's own (tests, or a deployment's larger list); entries are folded like candidates.</summary>
    public PasswordBlocklist(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries
            .Select(e => e.Trim())
            .Where(e => e.Length > 0)
            .Select(e => PasswordPolicy.TryNormalize(e, out var normalized) ? Fold(normalized) : null)
            .OfType<string>()
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The bundled list, read from the assembly on first use.</summary>
    public static PasswordBlocklist Embedded => Bundled.Value;

    /// <summary>Entries in the set.</summary>
    public int Count => _entries.Count;

    /// <summary>True when the NFKC-normalized <paramref name="normalizedPassword"/> is on the list, ignoring case.</summary>
    public bool Contains(string normalizedPassword)
    {
        ArgumentNullException.ThrowIfNull(normalizedPassword);
        return _entries.Contains(Fold(normalizedPassword));
    }

    private static string Fold(string normalized) => normalized.ToLowerInvariant();

    private static PasswordBlocklist LoadBundled()
    {
        // Stryker disable once String : unreachable: the build embeds the resource, and the bundled-list tests fail without it
        using var stream = typeof(PasswordBlocklist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>(32_000);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new PasswordBlocklist(lines);
    }
}
