// Utfall in production: App Service (Linux, Node 20) running the bot, an Azure Bot with the Teams
// channel, Azure Cosmos DB for MongoDB vCore (or an external MONGODB_URI), Key Vault for every
// secret, and Application Insights with Log Analytics. Deploy: see infra/README.md.
targetScope = 'resourceGroup'

@description('Azure region for everything but the (global) Azure Bot. Sweden Central keeps the data in Sweden.')
param location string = 'swedencentral'

@description('Short name used in every resource name, e.g. "utfall".')
@minLength(2)
@maxLength(12)
param appName string = 'utfall'

@description('Environment suffix, e.g. "prod" or "test".')
@minLength(2)
@maxLength(8)
param environmentName string = 'prod'

@description('How the bot authenticates: "UserAssignedMSI" uses the managed identity this template creates (no secret); "SingleTenant" uses an app registration you create (botAppId + botAppPassword).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuth string = 'UserAssignedMSI'

@description('Application (client) id of your single-tenant app registration. Only for botAuth = SingleTenant.')
param botAppId string = ''

@description('Client secret of that app registration. Only for botAuth = SingleTenant; stored in Key Vault.')
@secure()
param botAppPassword string = ''

@description('"cosmosVCore" creates an Azure Cosmos DB for MongoDB vCore cluster; "external" uses externalMongoUri (MongoDB Atlas, FerretDB on Azure Database for PostgreSQL, …).')
@allowed([
  'cosmosVCore'
  'external'
])
param database string = 'cosmosVCore'

@description('Administrator user of the Cosmos DB cluster (database = cosmosVCore).')
param databaseAdminUserName string = 'utfalladmin'

@description('Administrator password of the Cosmos DB cluster (database = cosmosVCore): 8–256 characters, three of upper case, lower case, digits, symbols. Stored in Key Vault as part of the connection string.')
@secure()
param databaseAdminPassword string = ''

@description('Compute tier of the Cosmos DB cluster (database = cosmosVCore).')
param databaseComputeTier string = 'M30'

@description('High availability of the Cosmos DB cluster (database = cosmosVCore).')
@allowed([
  'Disabled'
  'SameZone'
  'ZoneRedundantPreferred'
])
param databaseHighAvailability string = 'ZoneRedundantPreferred'

@description('Connection string of an existing MongoDB-compatible server (database = external). Stored in Key Vault.')
@secure()
param externalMongoUri string = ''

@description('Database name inside the server (MONGODB_DB).')
param mongoDbName string = 'utfall'

@description('App Service plan SKU. P0v3 or larger: always on, zone support, enough memory for a 50 000-indicator region.')
param appServiceSku string = 'P0v3'

@description('Number of instances. Work is shared through the database (leases and unique claims), so any number is safe; sends share one budget in the database, so together they stay under Teams\' limit.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Optional container image (e.g. myregistry.azurecr.io/utfall:1.4.0, built from the Dockerfile). Empty: run the Node 20 code package deployed with "az webapp deploy".')
param containerImage string = ''

@description('Coordinators (samordnare): comma-separated e-mail/UPN addresses who may import plans and open, close and remind (UTFALL_COORDINATORS).')
@minLength(3)
param coordinators string

@description('Entra tenant ids whose Teams activities are served, comma-separated (ALLOWED_TENANTS). Default: this subscription\'s tenant only.')
param allowedTenants string = tenant().tenantId

@description('Organisation name used for XLSX/CSV plan imports (ORGANISATION_NAME).')
param organisationName string = 'Organisationen'

@description('"auto": each person\'s Teams language (Swedish unless English); "sv" or "en": one language for everyone (UTFALL_LANGUAGE).')
@allowed([
  'auto'
  'sv'
  'en'
])
param language string = 'auto'

@description('Log level of the service (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Tags applied to every resource.')
param tags object = {
  app: 'utfall'
  environment: environmentName
}

var suffix = take(uniqueString(resourceGroup().id, appName, environmentName), 6)
var baseName = toLower('${appName}-${environmentName}')
var siteName = '${baseName}-${suffix}'
// Key Vault names: 3–24 letters, digits and dashes; never cut short, so the hash always stays in.
var keyVaultName = toLower('kv${take(replace(appName, '-', ''), 8)}${take(replace(environmentName, '-', ''), 4)}${suffix}')
var useMsi = botAuth == 'UserAssignedMSI'
var useCosmos = database == 'cosmosVCore'
// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${suffix}'
  location: location
  tags: tags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}-${suffix}'
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useMsi) {
  parent: vault
  name: 'bot-password'
  properties: {
    contentType: 'Bot app registration client secret'
    value: botAppPassword
  }
}

resource externalUriSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useCosmos) {
  parent: vault
  name: 'mongodb-uri'
  properties: {
    contentType: 'MongoDB connection string'
    value: externalMongoUri
  }
}

module cosmos 'modules/cosmos-mongo-vcore.bicep' = if (useCosmos) {
  name: 'cosmos-mongo-vcore'
  params: {
    clusterName: 'cosmon-${baseName}-${suffix}'
    location: location
    adminUserName: databaseAdminUserName
    adminPassword: databaseAdminPassword
    computeTier: databaseComputeTier
    highAvailability: databaseHighAvailability
    keyVaultName: vault.name
    tags: tags
  }
}

var mongoUriSecretUri = useCosmos ? cosmos.outputs.mongoUriSecretUri : externalUriSecret.properties.secretUri
var botId = useMsi ? identity.properties.clientId : botAppId

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${baseName}-${suffix}'
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var appSettings = [
  { name: 'BOT_ID', value: botId }
  { name: 'BOT_TYPE', value: botAuth }
  { name: 'BOT_TENANT_ID', value: tenant().tenantId }
  { name: 'BOT_PASSWORD', value: useMsi ? '' : '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})' }
  { name: 'MONGODB_URI', value: '@Microsoft.KeyVault(SecretUri=${mongoUriSecretUri})' }
  { name: 'MONGODB_DB', value: mongoDbName }
  { name: 'UTFALL_COORDINATORS', value: coordinators }
  { name: 'ALLOWED_TENANTS', value: allowedTenants }
  { name: 'ORGANISATION_NAME', value: organisationName }
  { name: 'UTFALL_LANGUAGE', value: language }
  { name: 'TIMEZONE', value: 'Europe/Stockholm' }
  { name: 'LOG_LEVEL', value: logLevel }
  // Teams allows 50 messages per second per app and tenant; the instances share that.
  { name: 'SEND_RATE_PER_SECOND', value: '45' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  // App Service's own Application Insights agent for Node: requests, dependencies, exceptions.
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
  // The package is built before it is deployed (dist/ and production node_modules included).
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
  { name: 'WEBSITES_PORT', value: '3978' }
]

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: empty(containerImage) ? 'app,linux' : 'app,linux,container'
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: empty(containerImage) ? 'NODE|20-lts' : 'DOCKER|${containerImage}'
      appCommandLine: empty(containerImage) ? 'node dist/src/main.js' : ''
      acrUseManagedIdentityCreds: !empty(containerImage)
      acrUserManagedIdentityID: empty(containerImage) ? null : identity.properties.clientId
      // The scheduler (period opening, reminders, summaries) runs inside the app: never idle it out.
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
  dependsOn: [
    secretsUser
  ]
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

module botRegistration 'botRegistration/azurebot.bicep' = {
  name: 'azure-bot'
  params: {
    botName: 'bot-${baseName}-${suffix}'
    botAuth: botAuth
    botAppId: botId
    tenantId: tenant().tenantId
    msiResourceId: useMsi ? identity.id : ''
    messagingEndpoint: 'https://${site.properties.defaultHostName}/api/messages'
    tags: tags
  }
}

@description('The web app; deploy the code package to it (infra/README.md).')
output siteName string = site.name

@description('Messaging endpoint registered with the Azure Bot.')
output messagingEndpoint string = 'https://${site.properties.defaultHostName}/api/messages'

@description('BOT_ID: put it in the Teams app package (npm run package) as the bot id.')
output botId string = botId

@description('BOT_DOMAIN for npm run package: the web app\'s host name.')
output botDomain string = site.properties.defaultHostName

@description('Key Vault holding mongodb-uri (and bot-password for SingleTenant).')
output keyVaultName string = vault.name
