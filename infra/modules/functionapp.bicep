// The Flex Consumption plan and function app, and the app settings FuncAuth reads. Every Azure call the host
// and the app make authenticates as the user-assigned identity; the signing keys (HS256 secrets or ES256 private
// keys) are Key Vault references.
import { SigningAlgorithm, SigningKeyReference, Tags } from 'types.bicep'

param planName string
param appName string
param location string
param tags Tags
param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param tableEndpoint string
param deploymentContainerName string
param usersTableName string
param sessionsTableName string
param appInsightsConnectionString string
param signingAlgorithm SigningAlgorithm
@description('Signing keys as [{ id, secretUri }]; the last one signs, all validate.')
param signingKeys SigningKeyReference[]
@description('Comma-separated SPA origins allowed to call with credentials.')
param allowedOrigins string
param cookieSameSite string
param accessTokenLifetime string
param refreshTokenLifetime string
param sessionLifetime string
param maximumInstanceCount int
param instanceMemoryMB int

// 'https://app.example.com/ , https://b.example.com' -> ['https://app.example.com', 'https://b.example.com']:
// CORS and the app compare origins exactly, and an origin never has a trailing slash.
var origins = map(
  filter(map(split(allowedOrigins, ','), o => trim(o)), o => !empty(o)),
  o => endsWith(o, '/') ? take(o, length(o) - 1) : o
)

// A SPA on another site only receives the cookies with SameSite=None (which the app pairs with Secure).
var sameSite = !empty(cookieSameSite) ? cookieSameSite : (empty(origins) ? 'Strict' : 'None')

// Settings that depend only on parameters; the ones below it are computed per deployment.
var settings = {
  AZURE_FUNCTIONS_ENVIRONMENT: 'Production'
  // Host storage through the identity (blobs for leases and keys); there is no AzureWebJobsStorage connection string.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
  // DefaultAzureCredential (Azure.Identity >= 1.15) narrowed to the managed identity, and told which one.
  AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential'
  AZURE_CLIENT_ID: identityClientId
  // Users and sessions: the table endpoint with the identity; no TableStorage connection string.
  TableStorage__serviceUri: tableEndpoint
  TableStorage__credential: 'managedidentity'
  TableStorage__clientId: identityClientId
  Tables__Users: usersTableName
  Tables__Sessions: sessionsTableName
  Auth__SigningAlgorithm: signingAlgorithm
  Auth__Cookies__Secure: 'true'
  Auth__Cookies__SameSite: sameSite
  Auth__AccessTokenLifetime: accessTokenLifetime
  Auth__RefreshTokenLifetime: refreshTokenLifetime
  Auth__SessionLifetime: sessionLifetime
  // The session clean-up timer (docs/cleanup.md): the host resolves %CleanupSchedule%, so it has no default of its own.
  CleanupSchedule: '0 0 * * * *'
}

// HS256 keys are Auth__SigningKeys__N__Id/__Key, ES256 keys Auth__EcdsaKeys__N__Id/__PrivateKey; the app reads only
// the kind its algorithm names, so only that kind is written.
var keySettingsPrefix = signingAlgorithm == 'ES256' ? 'Auth__EcdsaKeys' : 'Auth__SigningKeys'
var keyValueSettingName = signingAlgorithm == 'ES256' ? 'PrivateKey' : 'Key'

var signingKeyIdSettings = toObject(
  range(0, length(signingKeys)),
  i => '${keySettingsPrefix}__${i}__Id',
  i => signingKeys[i].id
)

// The platform resolves these with keyVaultReferenceIdentity; the key values never pass through this template.
var signingKeyValueSettings = toObject(
  range(0, length(signingKeys)),
  i => '${keySettingsPrefix}__${i}__${keyValueSettingName}',
  i => '@Microsoft.KeyVault(SecretUri=${signingKeys[i].secretUri})'
)

var allowedOriginSettings = toObject(range(0, length(origins)), i => 'Auth__AllowedOrigins__${i}', i => origins[i])

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      // No ftpsState: Flex Consumption has no FTP endpoint and rejects the property (basic auth is off below).
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      cors: {
        allowedOrigins: origins
        supportCredentials: true
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments (azd) authenticate with Entra ID; no publishing password exists for FTP or the SCM site.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    settings,
    { Auth__PublicOrigins__0: 'https://${site.properties.defaultHostName}' },
    signingKeyIdSettings,
    signingKeyValueSettings,
    allowedOriginSettings
  )
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
