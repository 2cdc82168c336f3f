using System.ComponentModel.DataAnnotations;
using FuncAuth.Settings;

namespace FuncAuth.Storage;

/// <summary>
/// Where users and sessions are stored: <c>TableStorage</c> (a connection string, <c>UseDevelopmentStorage=true</c>
/// locally) or <c>TableStorage__serviceUri</c> (managed identity in Azure), and the two table names.
/// Validated at startup by <see cref="TableStorageOptionsValidator"/>.
/// </summary>
public sealed class TableStorageOptions : IValidatableObject
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

    // Table Storage's own rule for table names; checked here so a typo fails at startup, not on the first request.
    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";
    private const string NotATableName = " must be a Table name: 3-63 letters and digits, starting with a letter.";
    private const string Tables = "Tables" + Setting.Separator;

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
    [Required(ErrorMessage = Tables + "Users" + NotATableName)]
    [RegularExpression(TableNamePattern, ErrorMessage = Tables + "Users" + NotATableName)]
    public string UsersTable { get; set; } = "users";

    /// <summary><c>Tables__Sessions</c>: the sessions table. Default <c>sessions</c>.</summary>
    [Required(ErrorMessage = Tables + "Sessions" + NotATableName)]
    [RegularExpression(TableNamePattern, ErrorMessage = Tables + "Sessions" + NotATableName)]
    public string SessionsTable { get; set; } = "sessions";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var serviceUri = Setting.Name(ServiceUriKey);
        var byIdentity = string.IsNullOrWhiteSpace(ConnectionString);
        if (byIdentity && string.IsNullOrWhiteSpace(ServiceUri))
        {
            yield return new($"Table Storage is not configured: set {ConnectionStringKey} (a connection string, " +
                             $"UseDevelopmentStorage=true for Azurite) or {serviceUri} (managed identity).");
        }
        else if (byIdentity && !IsHttpUri(ServiceUri))
        {
            yield return new($"{serviceUri} must be an absolute http(s) URI of the Table endpoint.");
        }

        if (ClientId is { } clientId && !Guid.TryParse(clientId, out _))
        {
            yield return new($"{Setting.Name(ClientIdKey)} must be the client id (a GUID) of a user-assigned managed identity.");
        }
    }

    private static bool IsHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
