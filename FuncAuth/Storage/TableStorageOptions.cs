namespace FuncAuth.Storage;

/// <summary>
/// Where users and sessions are stored: <c>TableStorage</c> (a connection string, <c>UseDevelopmentStorage=true</c>
/// locally) or <c>TableStorage__serviceUri</c> (managed identity in Azure), and the two table names.
/// Validated at startup by <see cref="TableStorageOptionsValidator"/>.
/// </summary>
public sealed class TableStorageOptions
{
    /// <summary>Configuration key of the connection string (also the parent of <see cref="ServiceUriKey"/>).</summary>
    public const string ConnectionStringKey = "TableStorage";

    /// <summary>Configuration key of the service URI (environment: <c>TableStorage__serviceUri</c>).</summary>
    public const string ServiceUriKey = "TableStorage:serviceUri";

    /// <summary>Configuration key of the user-assigned identity's client id (environment: <c>TableStorage__clientId</c>).</summary>
    public const string ClientIdKey = "TableStorage:clientId";

    /// <summary>Configuration key of the users table name (environment: <c>Tables__Users</c>).</summary>
    public const string UsersTableKey = "Tables:Users";

    /// <summary>Configuration key of the sessions table name (environment: <c>Tables__Sessions</c>).</summary>
    public const string SessionsTableKey = "Tables:Sessions";

    /// <summary><c>TableStorage</c>: a storage connection string. Wins over <see cref="ServiceUri"/> when both are set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>TableStorage__serviceUri</c>: the Table endpoint, used with the managed identity named by <see cref="ClientId"/>,
    /// or with <c>DefaultAzureCredential</c> when none is named.
    /// </summary>
    public string? ServiceUri { get; set; }

    /// <summary>
    /// <c>TableStorage__clientId</c>: the client id of the user-assigned managed identity to use with
    /// <see cref="ServiceUri"/> (what <c>azd up</c> configures); the credential is then exactly that identity, with no chain of fallbacks.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary><c>Tables__Users</c>: the users table. Default <c>users</c>.</summary>
    public string UsersTable { get; set; } = "users";

    /// <summary><c>Tables__Sessions</c>: the sessions table. Default <c>sessions</c>.</summary>
    public string SessionsTable { get; set; } = "sessions";
}
