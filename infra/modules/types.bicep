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
