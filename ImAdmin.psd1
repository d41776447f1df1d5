#
# ImAdmin module manifest.
# This file at the repository root loads the module built by `dotnet build` (from out/ImAdmin/).
# The build writes the Gallery copy next to the assemblies, with the output-folder prefix removed from its paths.
#
@{
    RootModule           = 'out/ImAdmin/ImAdmin.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f7f52-6f0e-4d8e-9a0a-3c6f2f1d9e41'
    Author               = 'ImAdmin contributors'
    CompanyName          = 'ImAdmin'
    Copyright            = '(c) ImAdmin contributors. MIT License.'
    Description          = 'Administer instant-messaging servers (WuKongIM, Tencent Cloud IM, WildfireChat) from PowerShell: sessions, bulk messaging, channels, conversations, connections and webhooks, with typed pipeline objects.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @(
        'out/ImAdmin/Formats/Sessions.Format.ps1xml'
        'out/ImAdmin/Formats/Messages.Format.ps1xml'
        'out/ImAdmin/Formats/MessageManagement.Format.ps1xml'
        'out/ImAdmin/Formats/Connections.Format.ps1xml'
        'out/ImAdmin/Formats/Channels.Format.ps1xml'
        'out/ImAdmin/Formats/Conversations.Format.ps1xml'
        'out/ImAdmin/Formats/Users.Format.ps1xml'
        'out/ImAdmin/Formats/Server.Format.ps1xml'
        'out/ImAdmin/Formats/Webhooks.Format.ps1xml'
    )
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
            ReleaseNotes = 'First release: sessions for WuKongIM, Tencent Cloud IM and WildfireChat; Send-ImMessage with server-side batching; Get-ImConnection; Set-ImChannelBlacklist; Sync-ImConversation.'
        }
    }
}
