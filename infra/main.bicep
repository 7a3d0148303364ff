// Azure resources for the Helsefellesskap Møre og Romsdal Teams app (one environment).
//
// Deployed by the Microsoft 365 Agents Toolkit (`atk provision --env <env>`, the arm/deploy step in
// m365agents.yml) into an existing resource group, with the values in infra/main.parameters.json.
// The outputs are written back to env/.env.<env> under the same names (BOT_ID, TAB_ENDPOINT, ...).
//
// What it creates:
// - a user-assigned managed identity: the bot's identity (no client secret anywhere) and the identity
//   the server uses for Table Storage;
// - an App Service plan (Linux) and a web app on Node 22 that serves the bot (/api/messages), the
//   tab and its API, with that identity assigned;
// - an Azure Bot (UserAssignedMSI) with the Microsoft Teams channel, pointing at the web app;
// - a storage account for Table Storage with shared keys disabled, and the role "Storage Table Data
//   Contributor" for the identity on it;
// - Application Insights (workspace-based, Entra ID ingestion only) with a Log Analytics workspace,
//   which also receives the web app's HTTP, console and platform logs.
//
// Every setting the server reads (README, "Configuration") is a parameter here with the README's
// default, because the app settings below are rewritten as a whole on every provision. Values that
// differ per environment come from env/.env.<env> through infra/main.parameters.json; the toolkit
// refuses an empty value there, so those files write `none` for "not set" (bot/config.ts reads it so).
//
// The account that deploys needs to be able to create role assignments on the resource group
// (Owner, or Contributor plus Role Based Access Control Administrator / User Access Administrator).

targetScope = 'resourceGroup'

@minLength(4)
@maxLength(40)
@description('Prefix for every resource name; lowercase letters, digits and hyphens. Web app and bot names must be globally unique, so include a random suffix.')
param resourceBaseName string

@description('Azure region for everything except the bot registration (which is global). Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan SKU. B1 is enough for a partnership of this size; Always On needs Basic or higher.')
param appServiceSku string = 'B1'

// Text, not int: it comes from env/.env.<env> (APP_SERVICE_INSTANCES), and the toolkit fills text.
@allowed([
  '1'
  '2'
  '3'
])
@description('Instances of the App Service plan. With one, the /healthz health check can only report: App Service never takes the single instance out of the load balancer. Production runs two.')
param appServiceInstances string = '1'

@maxLength(42)
@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'Helsefellesskap Møre og Romsdal'

@description('Client (application) id of the Microsoft Entra app for tab single sign-on (created by aadApp/create).')
param ssoClientId string

@description('Tenant id of that Entra app; defaults to the tenant of this deployment.')
param ssoTenantId string = tenant().tenantId

@description('TEAMS_APP_ID: the app\'s id in Teams (written by teamsApp/create), for the case cards\' deep links into the tab; empty: no such link.')
param teamsAppId string = ''

// BOOTSTRAP_*: Entra object ids (comma-separated) granted a role on every start; `none` or empty: nobody.
@description('Comma-separated Entra object ids of the first app administrators.')
param bootstrapAdmins string = ''

@description('Entra object id(s) of the leader of the joint secretariat (felles samarbeidssekretariat).')
param bootstrapSecretariatLeader string = ''

@description('Comma-separated Entra object ids of the first members of the joint secretariat.')
param bootstrapSecretariatMembers string = ''

@description('Entra object id(s) of the leader of the strategic committee (SSU).')
param bootstrapSsuLeader string = ''

@description('Entra object id(s) of the deputy leader of the strategic committee (SSU).')
param bootstrapSsuDeputy string = ''

@description('SECRETARIAT_CHANNEL_ID: conversation id (19:...@thread.tacv2) of the team channel that also gets every new case; `none` or empty: no channel. The app must be installed in that team.')
param secretariatChannelId string = ''

@description('SECRETARIAT_CHANNEL_SERVICE_URL: the Bot Framework service URL that reaches that channel.')
param secretariatChannelServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@allowed([
  'nn'
  'nb'
  'en'
])
@description('SECRETARIAT_CHANNEL_LANG: language of the channel\'s cards.')
param secretariatChannelLang string = 'nn'

@minValue(1)
@maxValue(2)
@description('ROUTING_APPROVALS_REQUIRED: distinct SSU leaders/deputies who must approve a routing proposal.')
param routingApprovalsRequired int = 2

@minValue(1)
@maxValue(60)
@description('REMINDER_WORKING_DAYS: working days a case may wait before the secretariat (or the SSU leadership) is reminded.')
param reminderWorkingDays int = 3

@allowed(['debug', 'info', 'warn', 'error'])
@description('LOG_LEVEL: debug adds one line per HTTP request.')
param logLevel string = 'info'

@minValue(0)
@maxValue(86400)
@description('JOBS_INTERVAL_SECONDS: how often failed notifications are retried and reminders checked; 0 turns the jobs off.')
param jobsIntervalSeconds int = 300

@minValue(1)
@maxValue(10)
@description('NOTIFY_IMMEDIATE_ATTEMPTS: send attempts per delivery run.')
param notifyImmediateAttempts int = 3

@minValue(0)
@maxValue(60000)
@description('NOTIFY_RETRY_BASE_MS: first backoff between those attempts (doubles each time).')
param notifyRetryBaseMs int = 500

@minValue(1)
@maxValue(100)
@description('NOTIFY_MAX_ATTEMPTS: attempts in all before a notification is marked undeliverable.')
param notifyMaxAttempts int = 12

@minValue(1)
@maxValue(86400)
@description('NOTIFY_RETRY_AFTER_SECONDS: first wait before the periodic job retries a failed notification.')
param notifyRetryAfterSeconds int = 60

@minValue(1)
@maxValue(120)
@description('NOTIFY_SEND_TIMEOUT_SECONDS: a proactive send or card update with no answer by then counts as a failed attempt.')
param notifySendTimeoutSeconds int = 15

@minValue(1)
@maxValue(3600)
@description('NOTIFY_LEASE_SECONDS: how long a notification an instance took for sending stays its own (beyond its attempts) before another instance takes it as left behind by a crash.')
param notifyLeaseSeconds int = 120

@minValue(1)
@maxValue(525600)
@description('DRAFT_RESUME_AFTER_MINUTES: a draft left alone longer than this is offered as "continue or discard".')
param draftResumeAfterMinutes int = 60

@minValue(1)
@description('WEB_SUBMITS_PER_ADDRESS_HOUR: cases one client address may submit on the public page per clock hour.')
param webSubmitsPerAddressHour int = 5

@minValue(1)
@description('WEB_SUBMITS_PER_HOUR: cases the public page accepts per clock hour in all.')
param webSubmitsPerHour int = 200

@minValue(1)
@description('WEB_DRAFTS_PER_ADDRESS_HOUR: drafts one client address may start per clock hour.')
param webDraftsPerAddressHour int = 30

@minValue(1)
@description('WEB_DRAFT_DAYS: an unfinished draft on the public page is deleted after this many days.')
param webDraftDays int = 7

@description('ACS_EMAIL_ENDPOINT: Azure Communication Services endpoint for e-mail to web submitters; empty turns e-mail off.')
param acsEmailEndpoint string = ''

@description('ACS_EMAIL_SENDER: sender address of a verified ACS e-mail domain; empty turns e-mail off.')
param acsEmailSender string = ''

@maxLength(21)
@description('TABLE_PREFIX: prefix for every table name; empty, since each environment has its own storage account.')
param tablePrefix string = ''

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

param tags object = {
  application: 'helsefellesskap-teams'
}

var identityName = '${resourceBaseName}-id'
var planName = '${resourceBaseName}-plan'
var webAppName = '${resourceBaseName}-app'
var botName = '${resourceBaseName}-bot'
var workspaceName = '${resourceBaseName}-log'
var appInsightsName = '${resourceBaseName}-appi'
// 3-24 lowercase letters and digits, globally unique: 'st' + 13 characters derived from the group and base name.
var storageAccountName = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'

// Built-in role "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Built-in role "Monitoring Metrics Publisher": sends telemetry to Application Insights with Entra ID.
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

// ---------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Telemetry is accepted only with an Entra ID token (the identity below), not with the
    // connection string's instrumentation key alone.
    DisableLocalAuth: true
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'The web app\'s Application Insights agent sends telemetry with this identity.'
  }
}

// ---------------------------------------------------------------------------------------------------
// Storage (Azure Table Storage, Entra ID auth only)
// ---------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'The Helsefellesskap app (bot and tab API) reads and writes its tables.'
  }
}

// ---------------------------------------------------------------------------------------------------
// Web app
// ---------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: int(appServiceInstances)
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
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
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // As `npm run serve`. V8's heap sized for what the server holds (about 45 MB live) whatever the
      // plan's memory: a young generation of 2 x 12 MB instead of up to 2 x 16 MB (smaller ones made
      // each turn cost a third more CPU), and an old one grown in smaller steps under a 512 MB limit.
      // Keeps the server under 200 MB with 200 open drafts (README, "Benchmarks").
      appCommandLine: 'node --max-semi-space-size=12 --max-old-space-size=512 dist/bot/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
      remoteDebuggingEnabled: false
    }
  }
}

// App settings are a separate resource so they can use the web app's own host name.
// Every `atk provision` rewrites them all, so every setting the server reads is set here from a
// parameter: change them in env/.env.<env> or infra/main.parameters.json, never in the portal.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // Bot Framework authentication with the user-assigned managed identity (no MicrosoftAppPassword).
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppTenantId: identity.properties.tenantId
    // DefaultAzureCredential picks the user-assigned identity by this client id.
    AZURE_CLIENT_ID: identity.properties.clientId
    STORAGE_ACCOUNT_URL: storage.properties.primaryEndpoints.table
    // Tab single sign-on: the API validates tokens issued for this Entra app.
    SSO_CLIENT_ID: ssoClientId
    SSO_TENANT_ID: ssoTenantId
    SSO_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${ssoClientId}'
    // Deep links from the cards into the tab ("Opne i fana").
    TEAMS_APP_ID: teamsAppId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // Local authentication is off (DisableLocalAuth): the agent signs in with the identity.
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    // App Service's codeless Node.js agent: requests, dependencies and the app's stdout (JSON lines)
    // reach Application Insights without an SDK in the app.
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    // First users, by Entra object id (comma-separated); see docs/deployment.md.
    BOOTSTRAP_ADMINS: bootstrapAdmins
    BOOTSTRAP_SECRETARIAT_LEADER: bootstrapSecretariatLeader
    BOOTSTRAP_SECRETARIAT_MEMBERS: bootstrapSecretariatMembers
    BOOTSTRAP_SSU_LEADER: bootstrapSsuLeader
    BOOTSTRAP_SSU_DEPUTY: bootstrapSsuDeputy
    // Routing, notifications and reminders.
    SECRETARIAT_CHANNEL_ID: secretariatChannelId
    SECRETARIAT_CHANNEL_SERVICE_URL: secretariatChannelServiceUrl
    SECRETARIAT_CHANNEL_LANG: secretariatChannelLang
    ROUTING_APPROVALS_REQUIRED: string(routingApprovalsRequired)
    REMINDER_WORKING_DAYS: string(reminderWorkingDays)
    JOBS_INTERVAL_SECONDS: string(jobsIntervalSeconds)
    NOTIFY_IMMEDIATE_ATTEMPTS: string(notifyImmediateAttempts)
    NOTIFY_RETRY_BASE_MS: string(notifyRetryBaseMs)
    NOTIFY_MAX_ATTEMPTS: string(notifyMaxAttempts)
    NOTIFY_RETRY_AFTER_SECONDS: string(notifyRetryAfterSeconds)
    NOTIFY_SEND_TIMEOUT_SECONDS: string(notifySendTimeoutSeconds)
    NOTIFY_LEASE_SECONDS: string(notifyLeaseSeconds)
    DRAFT_RESUME_AFTER_MINUTES: string(draftResumeAfterMinutes)
    // The public intake page: App Service's front end is one proxy hop, so the client address its
    // rate limits count is the last one it appends to X-Forwarded-For.
    WEB_TRUST_PROXY: '1'
    WEB_PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    WEB_SUBMITS_PER_ADDRESS_HOUR: string(webSubmitsPerAddressHour)
    WEB_SUBMITS_PER_HOUR: string(webSubmitsPerHour)
    WEB_DRAFTS_PER_ADDRESS_HOUR: string(webDraftsPerAddressHour)
    WEB_DRAFT_DAYS: string(webDraftDays)
    ACS_EMAIL_ENDPOINT: acsEmailEndpoint
    ACS_EMAIL_SENDER: acsEmailSender
    TABLE_PREFIX: tablePrefix
    LOG_LEVEL: logLevel
    // The deployed zip is mounted read-only and run as built; App Service does not build it.
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
  }
  dependsOn: [
    tableDataContributor
    telemetryPublisher
  ]
}

// Deployments use Microsoft Entra ID (the toolkit's zipDeploy does), so basic-auth publishing is off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
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

// ---------------------------------------------------------------------------------------------------
// Azure Bot with the Microsoft Teams channel
// ---------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0' // the Teams channel is a standard channel: no message charges
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Outputs, written by the toolkit to env/.env.<env>
// ---------------------------------------------------------------------------------------------------

@description('The bot\'s Microsoft App ID: the managed identity\'s client id (the Teams manifest\'s botId).')
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output STORAGE_ACCOUNT_URL string = storage.properties.primaryEndpoints.table
output IDENTITY_CLIENT_ID string = identity.properties.clientId
