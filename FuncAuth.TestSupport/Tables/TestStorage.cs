namespace FuncAuth.TestSupport.Tables;

/// <summary>Where integration tests find Table Storage (Azurite, started by scripts/test or .ci/run).</summary>
public static class TestStorage
{
    /// <summary><c>FUNCAUTH_TEST_STORAGE</c>, else Azurite's well-known development connection string.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("FUNCAUTH_TEST_STORAGE") is { Length: > 0 } value
            ? value
            : "UseDevelopmentStorage=true";

    /// <summary>A table name no other test uses (letters and digits only, as Table Storage requires).</summary>
    public static string UniqueTableName(string prefix) =>
        $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 32, 63)];
}
