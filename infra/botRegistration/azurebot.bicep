// The Azure Bot registration: who the bot is (its Microsoft Entra identity), where Teams sends
// activities, and the Teams channel. Azure Bot resources are global; the data stays in the app.

@description('Name of the Azure Bot resource (2–64 characters: letters, digits, - and _).')
@minLength(2)
@maxLength(64)
param botName string

@description('Display name people see in Teams.')
param displayName string = 'Utfall'

@description('How the bot authenticates to the Bot Framework: a user-assigned managed identity (no secret to rotate) or a single-tenant app registration with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuth string

@description('Client id of the bot identity: the managed identity\'s clientId, or the app registration\'s application (client) id.')
param botAppId string

@description('Microsoft Entra tenant of the bot identity.')
param tenantId string

@description('Resource id of the user-assigned managed identity (only for UserAssignedMSI).')
param msiResourceId string = ''

@description('HTTPS messaging endpoint, e.g. https://utfall-prod.azurewebsites.net/api/messages.')
param messagingEndpoint string

@description('F0 is free with a message cap (standard channels such as Teams are not metered); S1 for premium channels.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Tags applied to every resource.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  tags: tags
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppType: botAuth
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botAuth == 'UserAssignedMSI' ? msiResourceId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

@description('Resource id of the Azure Bot.')
output botResourceId string = bot.id
