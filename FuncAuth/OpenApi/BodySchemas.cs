using FuncAuth.Discovery;
using FuncAuth.Health;
using FuncAuth.Passwords;
using FuncAuth.Sessions;
using FuncAuth.Users;
using Microsoft.OpenApi;
using static FuncAuth.OpenApi.OpenApiParts;

namespace FuncAuth.OpenApi;

/// <summary>
/// The schema of every request and response body, named after the record a feature's JSON context serializes
/// (camelCase properties; snake_case for the discovery document). Tests compare each with the record's JSON.
/// </summary>
internal static class BodySchemas
{
    public static void Add(OpenApiDocument document, PasswordOptions passwords)
    {
        var userId = String("The user's id: 32 lower-case hex characters.");
        var email = String("The email as registered (trimmed, NFC).");
        var displayName = String("The display name (the email's local part when none was given).");
        var accessExpires = String("When the access token (and its cookie) expires.", "date-time");
        var refreshExpires = String("When this refresh token expires (rotation renews it, never past the session's absolute lifetime).", "date-time");

        Add(document, nameof(RegisterRequest), Object(
            "A new account.",
            ["email", "password"],
            ("email", String("An address with one '@' and a domain with a dot; trimmed, compared case-insensitively after NFC.", maxLength: EmailAddress.MaxLength)),
            ("password", String($"{passwords.MinLength} to {passwords.MaxLength} characters (code points after NFKC), not on the common-password list, without control or invisible characters.")),
            ("displayName", String("Optional; without control or invisible characters.", maxLength: CredentialRules.MaxDisplayNameLength))));

        Add(document, nameof(LoginRequest), Object(
            "Credentials.",
            ["email", "password"],
            ("email", String("The email the account was registered with (any case or Unicode form).")),
            ("password", String("The password."))));

        Add(document, nameof(RefreshRequest), Object(
            "Token mode: the refresh token in the body instead of the cookie (which must then be absent).",
            ["refreshToken"],
            ("refreshToken", String("The refreshToken of the last login or refresh."))));

        Add(document, nameof(UserResponse), Object(
            "A user.",
            ["userId", "email", "displayName"],
            ("userId", userId), ("email", email), ("displayName", displayName)));

        var session = Object(
            "Cookie mode (the default): who is signed in and until when. Never contains a token.",
            ["userId", "email", "displayName", "accessTokenExpiresAt", "refreshTokenExpiresAt"],
            ("userId", userId), ("email", email), ("displayName", displayName),
            ("accessTokenExpiresAt", accessExpires), ("refreshTokenExpiresAt", refreshExpires));
        // Closed on purpose: it is a promise that a cookie-mode body carries no token, and it makes the login answer's
        // oneOf unambiguous (a TokenResponse has every SessionResponse property).
        session.AdditionalPropertiesAllowed = false;
        Add(document, nameof(SessionResponse), session);

        Add(document, nameof(TokenResponse), Object(
            "Token mode (useCookies=false): the tokens in the body; no cookie is set.",
            ["accessToken", "refreshToken", "tokenType", "expiresIn", "userId", "email", "displayName", "accessTokenExpiresAt", "refreshTokenExpiresAt"],
            ("accessToken", String("The JWT to send as Authorization: Bearer.")),
            ("refreshToken", String("The opaque refresh token for refresh-tokens and logout (base64url, 92 characters).")),
            ("tokenType", StringEnum("Always Bearer.", "Bearer")),
            ("expiresIn", Integer("Seconds until the access token expires (OAuth 2.0).", "int64")),
            ("userId", userId), ("email", email), ("displayName", displayName),
            ("accessTokenExpiresAt", accessExpires), ("refreshTokenExpiresAt", refreshExpires)));

        Add(document, nameof(HealthResponse), Object("Table Storage answered.", ["status"], ("status", StringEnum("Always healthy.", "healthy"))));

        Add(document, nameof(JsonWebKeyResponse), Object(
            "A public P-256 key (RFC 7517, 7518 §6.2.1); never the private d.",
            ["kty", "crv", "x", "y", "kid", "use", "alg"],
            ("kty", StringEnum("Key type.", "EC")),
            ("crv", StringEnum("Curve.", "P-256")),
            ("x", String("The point's x coordinate, base64url.")),
            ("y", String("The point's y coordinate, base64url.")),
            ("kid", String("The key id, as in the JWT header's kid.")),
            ("use", StringEnum("Signature keys.", "sig")),
            ("alg", StringEnum("The JWS algorithm.", "ES256"))));

        Add(document, nameof(JsonWebKeySetResponse), Object(
            "The public keys that validate access tokens: every configured key (the last one signs).",
            ["keys"],
            ("keys", ArrayOf("The keys.", Schema(document, nameof(JsonWebKeyResponse))))));

        Add(document, nameof(OpenIdConfigurationResponse), Object(
            "The OpenID Connect Discovery fields a relying party needs to find the keys (FuncAuth is not an OpenID provider).",
            ["issuer", "jwks_uri", "subject_types_supported", "id_token_signing_alg_values_supported", "claims_supported"],
            ("issuer", String("The iss of every access token (Auth__Issuer).")),
            ("jwks_uri", String("The JWKS URL, on the first of Auth__PublicOrigins.", "uri")),
            ("subject_types_supported", ArrayOf("Subject types.", String("A subject type."))),
            ("id_token_signing_alg_values_supported", ArrayOf("Signing algorithms.", String("An algorithm."))),
            ("claims_supported", ArrayOf("The claims an access token carries.", String("A claim name.")))));
    }

    private static void Add(OpenApiDocument document, string name, OpenApiSchema schema) =>
        document.AddComponent<IOpenApiSchema>(name, schema);
}
