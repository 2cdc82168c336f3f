using FuncAuth.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FuncAuth.Auth;

/// <summary>
/// Settings that are only acceptable on a developer's machine: outside the Development environment
/// (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>) startup refuses cookies without <c>Secure</c> and plain-http origins other than
/// loopback, which would send session cookies, or accept state changes, over an unencrypted network.
/// </summary>
public sealed class AuthDeploymentValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var where = $"(AZURE_FUNCTIONS_ENVIRONMENT is '{environment.EnvironmentName}')";
        var failures = PlainHttpOrigins(options.PublicOrigins, nameof(options.PublicOrigins))
            .Concat(PlainHttpOrigins(options.AllowedOrigins, nameof(options.AllowedOrigins)))
            .Select(origin => $"{origin} is a plain-http origin that is not loopback; only https is allowed outside Development {where}")
            .ToList();
        if (options.Cookies is { Secure: false })
        {
            failures.Insert(0, $"{Setting.Name(AuthOptions.SectionName, nameof(options.Cookies), nameof(options.Cookies.Secure))}=false is only allowed in Development {where}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> PlainHttpOrigins(List<string>? origins, string listName) =>
        (origins ?? []).Select((origin, i) => WebOrigin.IsPlainHttpRemote(origin) ? Setting.Item(AuthOptions.Prefix + listName, i) : null)
            .OfType<string>();
}
