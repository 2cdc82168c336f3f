using System.Text.Json.Nodes;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// The key settings a deployment writes in each signing algorithm, evaluated (<see cref="ArmEvaluator"/>) from the
/// compiled modules as ARM would: the Key Vault module's secrets and <c>signingKeys</c> output for the main template's
/// values, then the function app's settings built from that output.
/// </summary>
public sealed class SigningAlgorithmTemplateTests(CompiledTemplates templates) : IClassFixture<CompiledTemplates>
{
    private const string VaultUri = "https://kv-test.vault.azure.net/";
    private const string HostName = "func-api-test.azurewebsites.net";

    [Fact]
    public void With_ES256_the_app_gets_the_algorithm_and_ECDSA_keys_as_Key_Vault_references_and_no_HMAC_keys()
    {
        var settings = AppSettings("ES256", SigningKeys("ES256", keyId: "k2", previousKeyId: "k1"));

        Assert.Equal("ES256", settings["Auth__SigningAlgorithm"]);
        // The previous key first: the last entry signs, every entry validates and is published in the JWKS.
        Assert.Equal("k1", settings["Auth__EcdsaKeys__0__Id"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={VaultUri}secrets/auth-signing-key-k1)", settings["Auth__EcdsaKeys__0__PrivateKey"]);
        Assert.Equal("k2", settings["Auth__EcdsaKeys__1__Id"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={VaultUri}secrets/auth-signing-key-k2)", settings["Auth__EcdsaKeys__1__PrivateKey"]);
        Assert.Equal(4, settings.Keys.Count(k => k.StartsWith("Auth__EcdsaKeys__", StringComparison.Ordinal)));
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Auth__SigningKey", StringComparison.Ordinal));
        // ES256 needs a public origin: the discovery document's jwks_uri is on it.
        Assert.Equal($"https://{HostName}", settings["Auth__PublicOrigins__0"]);
    }

    [Fact]
    public void The_HS256_default_writes_the_HMAC_key_settings_it_always_did_and_no_ECDSA_keys()
    {
        Assert.Equal("HS256", (string?)templates.Main["parameters"]!["signingAlgorithm"]!["defaultValue"]);
        var settings = AppSettings("HS256", SigningKeys("HS256", keyId: "k1", previousKeyId: ""));

        string[] expected =
        [
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_CLIENT_ID",
            "AZURE_FUNCTIONS_ENVIRONMENT", "AZURE_TOKEN_CREDENTIALS", "Auth__AccessTokenLifetime", "Auth__Cookies__SameSite",
            "Auth__Cookies__Secure", "Auth__PublicOrigins__0", "Auth__RefreshTokenLifetime", "Auth__SessionLifetime",
            "Auth__SigningAlgorithm", "Auth__SigningKeys__0__Id", "Auth__SigningKeys__0__Key", "AzureWebJobsStorage__accountName",
            "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__credential", "CleanupSchedule", "TableStorage__clientId",
            "TableStorage__credential", "TableStorage__serviceUri", "Tables__Sessions", "Tables__Users",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("HS256", settings["Auth__SigningAlgorithm"]);
        Assert.Equal("k1", settings["Auth__SigningKeys__0__Id"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={VaultUri}secrets/auth-signing-key-k1)", settings["Auth__SigningKeys__0__Key"]);
    }

    [Fact]
    public void An_HS256_rotation_lists_the_previous_key_first_so_the_new_one_signs()
    {
        var settings = AppSettings("HS256", SigningKeys("HS256", keyId: "k8", previousKeyId: "k7"));

        Assert.Equal("k7", settings["Auth__SigningKeys__0__Id"]);
        Assert.Equal("k8", settings["Auth__SigningKeys__1__Id"]);
        Assert.Equal($"@Microsoft.KeyVault(SecretUri={VaultUri}secrets/auth-signing-key-k8)", settings["Auth__SigningKeys__1__Key"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Auth__EcdsaKeys", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ES256", "base64 PKCS#8 P-256 private key (ES256)")]
    [InlineData("HS256", "base64 HMAC-SHA256 key")]
    public void Each_vault_secret_holds_the_secure_parameter_and_says_which_kind_of_key_it_is(string algorithm, string contentType)
    {
        var vault = KeyVaultModule(algorithm, keyId: "k2", previousKeyId: "k1");
        var secrets = templates.Module("keyvault").At("template")!["resources"]!.AsObject()
            .Where(r => (string?)r.Value!["type"] == "Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(r => r.Key, r => vault.Evaluate(r.Value!["properties"])!);

        Assert.Equal(["currentKey", "previousKey"], secrets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("<signingKey>", (string?)secrets["currentKey"]["value"]);
        Assert.Equal("<previousSigningKey>", (string?)secrets["previousKey"]["value"]);
        Assert.All(secrets.Values, s => Assert.Equal(contentType, (string?)s["contentType"]));
    }

    [Fact]
    public void One_parameter_with_two_allowed_values_chooses_the_algorithm_of_both_modules()
    {
        var parameter = templates.Main["parameters"]!["signingAlgorithm"]!;
        Assert.Equal(["HS256", "ES256"], parameter["allowedValues"]!.AsArray().Select(v => (string?)v));
        foreach (var module in new[] { "keyvault", "api" })
        {
            Assert.Equal("[parameters('signingAlgorithm')]", (string?)templates.Module(module).At("parameters.signingAlgorithm.value"));
        }

        // The app's keys are exactly the ones the vault module stored.
        Assert.EndsWith("'Microsoft.Resources/deployments', 'keyvault'), '2025-04-01').outputs.signingKeys.value]", (string?)templates.Module("api").At("parameters.signingKeys.value"));
    }

    [Fact]
    public void Allowed_origins_are_trimmed_and_turn_SameSite_to_None_for_a_SPA_on_another_site()
    {
        var keys = SigningKeys("HS256", keyId: "k1", previousKeyId: "");
        var spa = AppSettings("HS256", keys, allowedOrigins: " https://app.example.com/ ,https://admin.example.com:8443,");
        var sameOrigin = AppSettings("HS256", keys);

        Assert.Equal("https://app.example.com", spa["Auth__AllowedOrigins__0"]);
        Assert.Equal("https://admin.example.com:8443", spa["Auth__AllowedOrigins__1"]);
        Assert.Equal(2, spa.Keys.Count(k => k.StartsWith("Auth__AllowedOrigins__", StringComparison.Ordinal)));
        Assert.Equal("None", spa["Auth__Cookies__SameSite"]);
        Assert.Equal("Strict", sameOrigin["Auth__Cookies__SameSite"]);
        Assert.DoesNotContain(sameOrigin.Keys, k => k.StartsWith("Auth__AllowedOrigins__", StringComparison.Ordinal));
    }

    // The keyvault module as main.bicep calls it, with the secure values as placeholders.
    private ArmEvaluator KeyVaultModule(string algorithm, string keyId, string previousKeyId) =>
        new(
            templates.Module("keyvault").At("template")!.AsObject(),
            new Dictionary<string, JsonNode?>
            {
                ["name"] = "kv-test",
                ["signingAlgorithm"] = algorithm,
                ["signingKeyId"] = keyId,
                ["signingKey"] = "<signingKey>",
                ["previousSigningKeyId"] = previousKeyId,
                ["previousSigningKey"] = previousKeyId.Length > 0 ? "<previousSigningKey>" : "",
            },
            new Dictionary<string, JsonNode?> { ["vault"] = new JsonObject { ["vaultUri"] = VaultUri } });

    private JsonNode? SigningKeys(string algorithm, string keyId, string previousKeyId) =>
        KeyVaultModule(algorithm, keyId, previousKeyId).Output("signingKeys");

    // The function app's settings for these values; every other module parameter is the placeholder <name>.
    private Dictionary<string, string> AppSettings(string algorithm, JsonNode? signingKeys, string allowedOrigins = "")
    {
        var resource = templates.AppSettingsResource;
        var parameters = resource.Template["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => (JsonNode?)JsonValue.Create($"<{p.Key}>"));
        parameters["signingAlgorithm"] = algorithm;
        parameters["signingKeys"] = signingKeys;
        parameters["allowedOrigins"] = allowedOrigins;
        parameters["cookieSameSite"] = "";
        var site = new Dictionary<string, JsonNode?> { ["site"] = new JsonObject { ["defaultHostName"] = HostName } };

        var settings = new ArmEvaluator(resource.Template, parameters, site).Evaluate(resource.Body["properties"])!.AsObject();
        return settings.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }
}
