// The vault holding the JWT signing keys, one secret per kid (auth-signing-key-<kid>): HMAC secrets or ES256 private keys. Authorization is Azure
// RBAC only: the app's identity gets Key Vault Secrets User (read), and nobody gets access policies. The key
// values arrive as secure parameters, which ARM neither logs nor returns in deployment history.
import { SigningAlgorithm, SigningKeyReference, Tags } from 'types.bicep'

param name string
param location string
param tags Tags
param purgeProtection bool
param signingAlgorithm SigningAlgorithm
param signingKeyId string
@secure()
param signingKey string
param previousSigningKeyId string
@secure()
param previousSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: purgeProtection ? 90 : 7
    // Purge protection cannot be switched off once on, and ARM refuses an explicit false: leave it out instead.
    enablePurgeProtection: purgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // The Flex instances resolve Key Vault references over the public endpoint (no virtual network here).
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Tells people browsing the vault what a secret holds; the app reads the kind from Auth__SigningAlgorithm.
var contentType = signingAlgorithm == 'ES256' ? 'base64 PKCS#8 P-256 private key (ES256)' : 'base64 HMAC-SHA256 key'

resource currentKey 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'auth-signing-key-${signingKeyId}'
  properties: {
    value: signingKey
    contentType: contentType
  }
}

resource previousKey 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(previousSigningKeyId)) {
  parent: vault
  name: 'auth-signing-key-${previousSigningKeyId}'
  properties: {
    value: previousSigningKey
    contentType: contentType
  }
}

// Versionless secret URIs, so a new secret version needs no app setting change. The app signs with the last
// entry and validates with all of them: during a rotation the previous key comes first.
var currentEntry SigningKeyReference[] = [{ id: signingKeyId, secretUri: '${vault.properties.vaultUri}secrets/${currentKey.name}' }]
var previousEntry SigningKeyReference[] = empty(previousSigningKeyId)
  ? []
  : [{ id: previousSigningKeyId, secretUri: '${vault.properties.vaultUri}secrets/auth-signing-key-${previousSigningKeyId}' }]

output name string = vault.name
output signingKeys SigningKeyReference[] = concat(previousEntry, currentEntry)
