// FuncAuth on Azure Functions Flex Consumption, for `azd up`. Creates one resource group holding the app, its
// user-assigned identity, a storage account (host, deployment package, users and sessions tables), a Key Vault
// with the JWT signing key(s) (HS256 secrets or ES256 private keys), and Log Analytics + Application Insights. Every data-plane call uses the identity:
// no account key, connection string with a key, or secret value appears in the template or its outputs.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan (`az functionapp list-flexconsumption-locations`).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Comma-separated browser origins (https://host[:port]) of SPAs on other origins that call the API with cookies. Empty: same-origin only.')
param allowedOrigins string = ''

@allowed(['', 'Strict', 'Lax', 'None'])
@description('Auth__Cookies__SameSite. Empty chooses None when allowedOrigins is set (a SPA on another site needs it) and Strict otherwise.')
param cookieSameSite string = ''

@description('Auth__AccessTokenLifetime (TimeSpan, e.g. 00:15:00).')
param accessTokenLifetime string = '00:15:00'

@description('Auth__RefreshTokenLifetime (TimeSpan, e.g. 1.00:00:00).')
param refreshTokenLifetime string = '1.00:00:00'

@description('Auth__SessionLifetime (TimeSpan, e.g. 30.00:00:00).')
param sessionLifetime string = '30.00:00:00'

// A plain string with @allowed rather than the SigningAlgorithm type, which would make this template languageVersion 2.0.
@allowed(['HS256', 'ES256'])
@description('Auth__SigningAlgorithm: HS256 (shared HMAC secrets) or ES256 (P-256 key pairs; the app publishes the public keys as a JWKS). The preprovision hook generates a key of this kind and refuses a switch on an existing environment unless told.')
param signingAlgorithm string = 'HS256'

@minLength(1)
@maxLength(64)
@description('kid of the signing key that signs new tokens (letters, digits and dashes: it also names the Key Vault secret).')
param signingKeyId string = 'k1'

@secure()
@minLength(44)
@description('The signing key: HS256, base64 of at least 32 random bytes; ES256, base64 of a P-256 private key in PKCS#8 DER. The azd preprovision hook generates it once per environment.')
param signingKey string

@maxLength(64)
@description('kid of the key being retired during a rotation; empty when there is none.')
param previousSigningKeyId string = ''

@secure()
@description('The key being retired (same algorithm): it still validates access and refresh tokens but no longer signs. Empty when there is none.')
param previousSigningKey string = ''

@minValue(1)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances; caps what a flood of requests can cost.')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
@description('Memory per instance in MB (2048 = 1 core; password hashing is CPU-bound).')
param instanceMemoryMB int = 2048

@description('Log Analytics daily ingestion cap in GB; -1 for none. A cap bounds the cost of a log flood but drops logs past it.')
param logDailyCapGb int = 1

@description('Key Vault purge protection. Off lets `azd down --purge` remove the vault; turn it on for production.')
param keyVaultPurgeProtection bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names known before deployment, so role assignment names (and What-If) do not wait for module outputs.
var identityName = 'id-api-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var appInsightsName = 'appi-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: 'log-${resourceToken}'
    appInsightsName: appInsightsName
    location: location
    tags: tags
    dailyCapGb: logDailyCapGb
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    signingAlgorithm: signingAlgorithm
    signingKeyId: signingKeyId
    signingKey: signingKey
    previousSigningKeyId: previousSigningKeyId
    previousSigningKey: previousSigningKey
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  dependsOn: [identity, storage, keyVault, monitoring]
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
  }
}

module api 'modules/functionapp.bicep' = {
  name: 'api'
  scope: rg
  // Key Vault references and identity-based storage resolve only once the identity holds its roles.
  dependsOn: [roles]
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-api-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    usersTableName: storage.outputs.usersTableName
    sessionsTableName: storage.outputs.sessionsTableName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    signingAlgorithm: signingAlgorithm
    signingKeys: keyVault.outputs.signingKeys
    allowedOrigins: allowedOrigins
    cookieSameSite: cookieSameSite
    accessTokenLifetime: accessTokenLifetime
    refreshTokenLifetime: refreshTokenLifetime
    sessionLifetime: sessionLifetime
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
// The name the end-to-end and browser suites read to run against a deployment instead of a local DevHost.
output FUNCAUTH_BASE_URL string = api.outputs.uri
