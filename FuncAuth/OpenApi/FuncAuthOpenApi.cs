using System.Globalization;
using System.Text;
using FuncAuth.Auth;
using FuncAuth.Passwords;
using Microsoft.OpenApi;

namespace FuncAuth.OpenApi;

/// <summary>
/// Builds the API's OpenAPI document in code, one builder per area, from the same constants and settings as the functions
/// (routes, body limit, cookie names, password lengths). Tests hold it to the code: every <c>[Function]</c> route and method
/// is documented and nothing else, the statuses the functions answer are documented, and the records the API serializes
/// match their schemas.
/// </summary>
public static class FuncAuthOpenApi
{
    /// <summary>The route of the document under the API prefix.</summary>
    public const string Route = "openapi.json";

    /// <summary>
    /// OpenAPI 3.0: the common client generators and gateways (Azure API Management, NSwag, openapi-generator, Kiota) read it
    /// fully, and nothing here needs what 3.1 adds (JSON Schema 2020-12, webhooks). The model is version-neutral: switching is this line.
    /// </summary>
    public const OpenApiSpecVersion SpecVersion = OpenApiSpecVersion.OpenApi3_0;

    /// <summary>The major.minor of <see cref="SpecVersion"/>, for descriptions.</summary>
    public const string VersionName = "3.0";

    /// <summary>How long clients and caches may keep the document.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The document for a deployment with these settings.</summary>
    public static OpenApiDocument Build(AuthOptions auth, PasswordOptions passwords)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(passwords);
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "FuncAuth",
                Version = "1.0.0",
                Description = Description,
            },
            // Relative: resolved against wherever this document was fetched from, never built from the request's Host header.
            Servers = [new OpenApiServer { Url = "/api", Description = "The Functions host's route prefix." }],
            Paths = new OpenApiPaths(),
            Tags = new HashSet<OpenApiTag>
            {
                new() { Name = AccountPaths.Tag, Description = "Accounts and protected resources." },
                new() { Name = SessionPaths.Tag, Description = "Sign-in, token rotation and sign-out." },
                new() { Name = ServicePaths.Tag, Description = "Health, public keys and this document." },
            },
        };

        SharedComponents.Add(document, auth.Cookies);
        BodySchemas.Add(document, passwords);
        AccountPaths.Add(document);
        SessionPaths.Add(document);
        ServicePaths.Add(document);
        return document;
    }

    /// <summary>The document as indented UTF-8 JSON (no BOM), with <c>\n</c> line ends whatever the platform.</summary>
    public static byte[] Serialize(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        document.SerializeAs(SpecVersion, new OpenApiJsonWriter(text));
        text.Write('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private const string Description =
        "Registration, sign-in and sessions for browser apps (HttpOnly cookies, the default) and other clients (tokens in JSON bodies "
        + "with useCookies=false; the access token goes in Authorization: Bearer).\n\n"
        + "Every error is application/problem+json (RFC 9457). 429 and 503 carry Retry-After, repeated as the body's retryAfter. "
        + "State-changing requests whose Origin (or Referer) is not one of the API's own or allowed origins get 403. Token-issuing "
        + "answers and every answer to an authenticated caller are Cache-Control: no-store.";
}
