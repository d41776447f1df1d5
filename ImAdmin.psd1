#
# ImAdmin module manifest.
# This file at the repository root loads the module built by `dotnet build -c Release` into out/ImAdmin/ (before a
# build, Import-Module says out/ImAdmin/ImAdmin.dll was not found: build first). It runs no script on import.
# The build writes the Gallery copy next to the assemblies (out/ImAdmin/ImAdmin.psd1): paths made relative to it and
# ModuleVersion checked against Directory.Build.props. The views of src/ImAdmin/Formats are built into one file.
#
@{
    RootModule           = 'out/ImAdmin/ImAdmin.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f7f52-6f0e-4d8e-9a0a-3c6f2f1d9e41'
    Author               = 'ImAdmin contributors'
    CompanyName          = 'ImAdmin'
    Copyright            = '(c) ImAdmin contributors. MIT License.'
    Description          = 'Administer instant-messaging servers (WuKongIM, Tencent Cloud IM, WildfireChat) from PowerShell: sessions, bulk messaging, channels, conversations, connections and webhooks, with typed pipeline objects.'
    HelpInfoURI          = 'https://github.com/imadmin/ImAdmin/tree/main/docs/en-US'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('out/ImAdmin/Formats/ImAdmin.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-ImServer'
        'Disconnect-ImServer'
        'Get-ImSession'
        'Test-ImServer'
        'Send-ImMessage'
        'Send-ImBroadcast'
        'Revoke-ImMessage'
        'Remove-ImMessage'
        'Clear-ImMessage'
        'Update-ImMessage'
        'Get-ImReadReceipt'
        'Get-ImDeliveryStatus'
        'Import-ImMessage'
        'Get-ImConnection'
        'Disconnect-ImConnection'
        'Remove-ImConnection'
        'Set-ImUserToken'
        'New-ImUser'
        'Get-ImUser'
        'Set-ImUser'
        'Remove-ImUser'
        'Get-ImOnlineStatus'
        'Disconnect-ImDevice'
        'Get-ImUserRoute'
        'Get-ImSystemUser'
        'Add-ImSystemUser'
        'Remove-ImSystemUser'
        'Get-ImServerStatus'
        'Get-ImMigrationStatus'
        'Get-ImChannel'
        'New-ImChannel'
        'Set-ImChannel'
        'Remove-ImChannel'
        'Get-ImChannelSubscriber'
        'Add-ImChannelSubscriber'
        'Remove-ImChannelSubscriber'
        'Get-ImChannelBlacklist'
        'Add-ImChannelBlacklist'
        'Set-ImChannelBlacklist'
        'Remove-ImChannelBlacklist'
        'Get-ImChannelWhitelist'
        'Add-ImChannelWhitelist'
        'Set-ImChannelWhitelist'
        'Remove-ImChannelWhitelist'
        'Sync-ImConversation'
        'New-ImUserSig'
        'ConvertFrom-ImWebhook'
        'Receive-ImWebhook'
        'Get-ImMessage'
        'Search-ImMessage'
        'Get-ImMessageSequence'
        'Send-ImEvent'
        'Clear-ImConversationUnread'
        'Set-ImConversationUnread'
        'Get-ImUnreadCount'
        'Remove-ImConversation'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('IM', 'Chat', 'WuKongIM', 'TencentCloud', 'TencentIM', 'Wildfire', 'WildfireChat', 'Messaging', 'Admin', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/imadmin/ImAdmin'
            ReleaseNotes = '0.1.0: 52 cmdlets for WuKongIM, Tencent Cloud IM and WildfireChat. Sessions by name (-Session prod, Tab completion) with IMADMIN_* variables for runbooks; Send-ImMessage batched per server (errors name each recipient, warning counts by reason, progress with rate and time left); Send-ImBroadcast, Revoke-, Remove-, Clear-, Update-, Import- and Get-ImMessage; channels, members, black/whitelists, conversations and unread counts; connections, devices, presence and system users; webhooks (ConvertFrom-/Receive-ImWebhook). Only irreversible actions prompt (ConfirmImpact High): pass -Confirm:$false when unattended. Help in en-US; Azure Automation zip.'
        }
    }
}
