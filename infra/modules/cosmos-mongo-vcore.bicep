// Azure Cosmos DB for MongoDB (vCore): a MongoDB-compatible cluster the official driver talks to.
// The connection string (with the admin password) is written to Key Vault, never to an output.

@description('Cluster name (3–40 characters: lower-case letters, digits and -). Part of its host name.')
@minLength(3)
@maxLength(40)
param clusterName string

@description('Azure region of the cluster.')
param location string

@description('Administrator user name of the cluster.')
param adminUserName string

@description('Administrator password (8–256 characters, three of: upper case, lower case, digits, symbols).')
@secure()
param adminPassword string

@description('Compute tier: M25 (burstable) is enough for a region of 10 000 indicators; M30 and up for headroom.')
param computeTier string = 'M30'

@description('Storage per shard in GiB.')
param storageSizeGb int = 32

@description('Disabled, SameZone or ZoneRedundantPreferred. Zone redundancy doubles the cost and survives a zone outage.')
@allowed([
  'Disabled'
  'SameZone'
  'ZoneRedundantPreferred'
])
param highAvailability string = 'ZoneRedundantPreferred'

@description('Name of the Key Vault that receives the secret "mongodb-uri".')
param keyVaultName string

@description('Tags applied to every resource.')
param tags object = {}

resource cluster 'Microsoft.DocumentDB/mongoClusters@2024-07-01' = {
  name: clusterName
  location: location
  tags: tags
  properties: {
    administrator: {
      userName: adminUserName
      password: adminPassword
    }
    serverVersion: '7.0'
    compute: {
      tier: computeTier
    }
    storage: {
      sizeGb: storageSizeGb
    }
    sharding: {
      shardCount: 1
    }
    highAvailability: {
      targetMode: highAvailability
    }
    publicNetworkAccess: 'Enabled'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's convention for "services inside Azure" (the App Service outbound
// addresses), not the internet. A private endpoint is the stricter choice; see infra/README.md.
resource allowAzure 'Microsoft.DocumentDB/mongoClusters/firewallRules@2024-07-01' = {
  parent: cluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// retrywrites=false: Cosmos DB for MongoDB vCore does not support retryable writes.
resource uriSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: {
    contentType: 'MongoDB connection string'
    value: 'mongodb+srv://${uriComponent(adminUserName)}:${uriComponent(adminPassword)}@${cluster.name}.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000'
  }
}

@description('Key Vault URI of the connection-string secret (no version: App Service follows the latest).')
output mongoUriSecretUri string = uriSecret.properties.secretUri
