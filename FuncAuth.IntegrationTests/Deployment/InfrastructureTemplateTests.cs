using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// What `azd up` would deploy, asserted on the ARM JSON that the pinned Bicep CLI compiles from infra/main.bicep
/// (no Azure account here): the hosting, the transport security, identity-only data access, the signing keys
/// living in Key Vault, and the roles the app's identity holds.
/// </summary>
public sealed partial class InfrastructureTemplateTests(CompiledTemplates templates) : IClassFixture<CompiledTemplates>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private ArmResource Site => templates.SingleOfType("Microsoft.Web/sites");

    [Fact]
    public void The_app_runs_on_a_Flex_Consumption_FC1_plan_as_a_Linux_dotnet_isolated_10_app()
    {
        var plan = templates.SingleOfType("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan.Body["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan.Body["sku"]!["tier"]);
        Assert.True((bool?)plan.At("reserved"));

        Assert.Equal("functionapp,linux", (string?)Site.Body["kind"]);
        Assert.Equal("dotnet-isolated", (string?)Site.At("functionAppConfig.runtime.name"));
        Assert.Equal("10.0", (string?)Site.At("functionAppConfig.runtime.version"));
    }

    [Fact]
    public void The_app_accepts_only_HTTPS_with_TLS_1_2_or_later_on_the_site_and_the_SCM_site()
    {
        Assert.True((bool?)Site.At("httpsOnly"));
        Assert.Equal("1.2", (string?)Site.At("siteConfig.minTlsVersion"));
        Assert.Equal("1.2", (string?)Site.At("siteConfig.scmMinTlsVersion"));
    }

    [Fact]
    public void FTP_and_SCM_basic_publishing_credentials_are_disabled()
    {
        var policies = templates.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(["ftp", "scm"], policies.Select(p => Regex.Match(p.Name, @"'(ftp|scm)'\)\]$").Groups[1].Value).Order());
        Assert.All(policies, p => Assert.False((bool?)p.At("allow")));
    }

    [Fact]
    public void The_site_sets_no_property_that_Flex_Consumption_rejects_or_ignores()
    {
        // Flex has no FTP endpoint and answers ftpsState (and these others) with error 51021; runtime and scale
        // live in functionAppConfig instead.
        var siteConfig = Site.At("siteConfig")!.AsObject();
        foreach (var name in new[] { "ftpsState", "alwaysOn", "linuxFxVersion", "netFrameworkVersion", "use32BitWorkerProcess", "functionAppScaleLimit" })
        {
            Assert.False(siteConfig.ContainsKey(name), $"siteConfig.{name} is set");
        }

        foreach (var name in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING" })
        {
            Assert.DoesNotContain(name, templates.LiteralSettings.Keys);
            Assert.DoesNotContain($"'{name}'", templates.SettingsExpression, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_storage_account_refuses_shared_keys_anonymous_blobs_plain_HTTP_and_old_TLS()
    {
        var account = templates.SingleOfType("Microsoft.Storage/storageAccounts");
        Assert.False((bool?)account.At("allowSharedKeyAccess"));
        Assert.False((bool?)account.At("allowBlobPublicAccess"));
        Assert.True((bool?)account.At("supportsHttpsTrafficOnly"));
        Assert.True((bool?)account.At("defaultToOAuthAuthentication"));
        Assert.Equal("TLS1_2", (string?)account.At("minimumTlsVersion"));
        Assert.Equal("None", (string?)templates.SingleOfType("Microsoft.Storage/storageAccounts/blobServices/containers").At("publicAccess"));
    }

    [Fact]
    public void Flex_deploys_from_a_blob_container_that_it_reads_with_the_user_assigned_identity()
    {
        Assert.Equal("blobContainer", (string?)Site.At("functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", (string?)Site.At("functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal("[parameters('identityId')]", (string?)Site.At("functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
        Assert.Equal("UserAssigned", (string?)Site.Body["identity"]!["type"]);
    }

    [Fact]
    public void Host_storage_and_the_tables_are_reached_with_the_user_assigned_identity_and_no_connection_string()
    {
        var settings = templates.LiteralSettings;
        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('tableEndpoint')]", settings["TableStorage__serviceUri"]);
        Assert.Equal("managedidentity", settings["TableStorage__credential"]);
        foreach (var clientId in new[] { "AzureWebJobsStorage__clientId", "TableStorage__clientId", "AZURE_CLIENT_ID" })
        {
            Assert.Equal("[parameters('identityClientId')]", settings[clientId]);
        }

        Assert.Equal("ManagedIdentityCredential", settings["AZURE_TOKEN_CREDENTIALS"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("TableStorage", settings.Keys);
    }

    [Fact]
    public void No_setting_resource_or_output_carries_an_account_key_a_connection_string_with_a_key_or_a_SAS()
    {
        foreach (var forbidden in new[] { "AccountKey=", "DefaultEndpointsProtocol", "SharedAccessSignature", "listKeys(", "listAccountSas(", "listServiceSas(", "listConnectionStrings(" })
        {
            Assert.DoesNotContain(forbidden, templates.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(templates.LiteralSettings.Values, value => Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_signing_keys_are_Key_Vault_references_that_the_platform_resolves_as_the_user_assigned_identity()
    {
        // Which settings they become in each algorithm: SigningAlgorithmTemplateTests.
        var keys = templates.ComputedSettings["signingKeyValueSettings"];
        Assert.Contains("format('@Microsoft.KeyVault(SecretUri={0})', parameters('signingKeys')", keys, StringComparison.Ordinal);
        Assert.Equal("[parameters('identityId')]", (string?)Site.At("keyVaultReferenceIdentity"));
        Assert.DoesNotContain(templates.LiteralSettings.Keys, name => name.StartsWith("Auth__SigningKey", StringComparison.Ordinal));
        Assert.DoesNotContain(templates.LiteralSettings.Keys, name => name.StartsWith("Auth__EcdsaKeys", StringComparison.Ordinal));
    }

    [Fact]
    public void The_signing_keys_are_secure_parameters_that_only_the_Key_Vault_module_receives_and_no_output_returns()
    {
        var parameters = templates.Main["parameters"]!.AsObject();
        Assert.Equal("securestring", (string?)parameters["signingKey"]!["type"]);
        Assert.Equal("securestring", (string?)parameters["previousSigningKey"]!["type"]);
        Assert.Null(parameters["signingKey"]!["defaultValue"]);

        var receivers = templates.OfType("Microsoft.Resources/deployments")
            .Where(m => m.At("parameters")!.RawJson() is var passed
                && (passed.Contains("parameters('signingKey')", StringComparison.Ordinal) || passed.Contains("parameters('previousSigningKey')", StringComparison.Ordinal)))
            .Select(m => m.Name);
        Assert.Equal(["keyvault"], receivers);

        var vault = templates.Module("keyvault").At("template")!;
        Assert.Equal("securestring", (string?)vault["parameters"]!["signingKey"]!["type"]);
        Assert.Equal("securestring", (string?)vault["parameters"]!["previousSigningKey"]!["type"]);
        foreach (var outputs in new[] { templates.Main["outputs"], vault["outputs"] })
        {
            Assert.DoesNotContain("parameters('signingKey')", outputs!.RawJson(), StringComparison.Ordinal);
            Assert.DoesNotContain("parameters('previousSigningKey')", outputs!.RawJson(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_compiled_template_holds_no_literal_key_material()
    {
        // Anything that looks like base64 of 32 or more bytes would be a key baked into the template.
        Assert.Empty(KeyMaterial.Find(templates.Text));

        // The detector itself finds a key embedded the way a template would carry one.
        var key = Convert.ToBase64String(SHA256.HashData("not a real key"u8));
        Assert.Equal([key], KeyMaterial.Find($"\"value\": \"{key}\""));
    }

    [Fact]
    public void The_vault_authorizes_with_RBAC_only_and_keeps_deleted_secrets_recoverable()
    {
        var vault = templates.SingleOfType("Microsoft.KeyVault/vaults");
        Assert.True((bool?)vault.At("enableRbacAuthorization"));
        Assert.True((bool?)vault.At("enableSoftDelete"));
        Assert.Null(vault.At("accessPolicies"));
        Assert.All(templates.OfType("Microsoft.KeyVault/vaults/secrets"), s => Assert.StartsWith("[parameters('", (string?)s.At("value")));
    }

    [Fact]
    public void The_identity_holds_exactly_the_data_roles_the_app_needs_each_on_its_own_resource()
    {
        var assignments = templates.OfType("Microsoft.Authorization/roleAssignments");
        var byRole = assignments.ToDictionary(a => RoleGuid().Match(a.Expand((string)a.At("roleDefinitionId")!)).Value);

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageTableDataContributor, KeyVaultSecretsUser, MonitoringMetricsPublisher }.Order(),
            byRole.Keys.Order());
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)byRole[StorageBlobDataOwner].Body["scope"]);
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)byRole[StorageTableDataContributor].Body["scope"]);
        Assert.Contains("Microsoft.KeyVault/vaults", (string?)byRole[KeyVaultSecretsUser].Body["scope"]);
        Assert.Contains("Microsoft.Insights/components", (string?)byRole[MonitoringMetricsPublisher].Body["scope"]);
        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", (string?)a.At("principalType"));
            Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", (string?)a.At("principalId"));
        });
    }

    [Fact]
    public void Telemetry_goes_to_workspace_based_Application_Insights_with_Entra_ID_authentication_only()
    {
        var insights = templates.SingleOfType("Microsoft.Insights/components");
        Assert.True((bool?)insights.At("DisableLocalAuth"));
        Assert.NotNull(insights.At("WorkspaceResourceId"));

        var settings = templates.LiteralSettings;
        Assert.Equal("[parameters('appInsightsConnectionString')]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void CORS_and_the_app_allow_credentials_from_the_configured_origins_only()
    {
        Assert.True((bool?)Site.At("siteConfig.cors.supportCredentials"));
        Assert.Equal("[variables('origins')]", (string?)Site.At("siteConfig.cors.allowedOrigins"));
        Assert.Contains("split(parameters('allowedOrigins'), ',')", (string?)Site.Template["variables"]!["origins"]);
        Assert.Contains("format('Auth__AllowedOrigins__{0}'", templates.ComputedSettings["allowedOriginSettings"], StringComparison.Ordinal);
        Assert.Contains("variables('origins')", templates.ComputedSettings["allowedOriginSettings"], StringComparison.Ordinal);
        Assert.Contains("createObject('Auth__PublicOrigins__0', format('https://{0}'", templates.SettingsExpression, StringComparison.Ordinal);
        Assert.Contains(".defaultHostName", templates.SettingsExpression, StringComparison.Ordinal);
    }

    [Fact]
    public void Cookies_are_Secure_and_SameSite_None_only_when_a_SPA_on_another_origin_is_configured()
    {
        var settings = templates.LiteralSettings;
        Assert.Equal("true", settings["Auth__Cookies__Secure"]);
        Assert.Equal("[variables('sameSite')]", settings["Auth__Cookies__SameSite"]);
        Assert.Equal(
            "[if(not(empty(parameters('cookieSameSite'))), parameters('cookieSameSite'), if(empty(variables('origins')), 'Strict', 'None'))]",
            (string?)Site.Template["variables"]!["sameSite"]);
        Assert.Equal("Production", settings["AZURE_FUNCTIONS_ENVIRONMENT"]);
    }

    [Fact]
    public void Token_lifetimes_come_from_parameters_whose_defaults_match_the_app()
    {
        var parameters = templates.Main["parameters"]!.AsObject();
        Assert.Equal("00:15:00", (string?)parameters["accessTokenLifetime"]!["defaultValue"]);
        Assert.Equal("1.00:00:00", (string?)parameters["refreshTokenLifetime"]!["defaultValue"]);
        Assert.Equal("30.00:00:00", (string?)parameters["sessionLifetime"]!["defaultValue"]);
        Assert.Equal("[parameters('accessTokenLifetime')]", templates.LiteralSettings["Auth__AccessTokenLifetime"]);
        Assert.Equal("[parameters('refreshTokenLifetime')]", templates.LiteralSettings["Auth__RefreshTokenLifetime"]);
        Assert.Equal("[parameters('sessionLifetime')]", templates.LiteralSettings["Auth__SessionLifetime"]);
    }

    [Fact]
    public void Scale_out_is_capped_so_a_flood_of_requests_has_a_bounded_cost()
    {
        var maximum = templates.Main["parameters"]!["maximumInstanceCount"]!;
        Assert.Equal(40, (int?)maximum["defaultValue"]);
        Assert.Equal(1000, (int?)maximum["maxValue"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)Site.At("functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
    }

    [Fact]
    public void The_outputs_give_azd_the_app_name_and_URL_and_never_a_secret()
    {
        var outputs = templates.Main["outputs"]!.AsObject();
        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs.Select(o => o.Key));
        Assert.Contains("outputs.uri.value", (string?)outputs["FUNCAUTH_BASE_URL"]!["value"]);
        var everyOutput = templates.Resources.Select(r => r.Template["outputs"]).Append(outputs)
            .OfType<JsonObject>().Distinct().SelectMany(o => o);
        Assert.All(everyOutput, output =>
        {
            Assert.NotEqual("securestring", (string?)output.Value!["type"]);
            Assert.NotEqual("secureObject", (string?)output.Value!["type"]);
            Assert.DoesNotContain("SigningKey')", output.Value.RawJson(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"\blist\w*\(", (string?)output.Value["value"] ?? "");
        });
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleGuid();
}
