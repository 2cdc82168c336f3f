// The function app's only identity: it reads the signing keys, the host storage and the tables, and sends telemetry.
import { Tags } from 'types.bicep'

param name string
param location string
param tags Tags

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
