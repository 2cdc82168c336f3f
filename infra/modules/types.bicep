// Shapes shared by the modules.

@export()
@description('Resource tags: name to value.')
type Tags = { *: string }

@export()
@description('A signing key as the app settings name it: its kid and the versionless Key Vault secret URI of its value.')
type SigningKeyReference = {
  id: string
  secretUri: string
}

@export()
@description('How access tokens are signed (Auth__SigningAlgorithm): HS256 with shared HMAC secrets, ES256 with P-256 key pairs whose public halves the app publishes as a JWKS.')
type SigningAlgorithm = 'HS256' | 'ES256'
