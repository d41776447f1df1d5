<#
.SYNOPSIS
    Moves the one-to-one history of two users from one server to another (e.g. WuKongIM to Tencent Cloud IM), resumably.

.DESCRIPTION
    Reads the conversation of -UserId and -PeerId on the -Source session, oldest first, and imports every message on the
    -Target session with its original sender, recipient and time (Import-ImMessage: Tencent Cloud IM importmsg, or
    WildfireChat's import). History rows name the real sender (From) and recipient (ChannelId), so each message keeps its
    direction. The payload is imported as stored: a Tencent MsgBody as is, any other provider's payload as the Data of a
    TIMCustomElem. Recalled messages have no content and are left out.

    -Journal makes the move resumable: run the same command again after a crash or an Azure Automation restart and
    the messages already imported are skipped. (Tencent Cloud IM recognises a repeated import, so messages whose
    outcome was lost are imported again safely; on other targets they are reported instead.)

    Users first: Get-ImUser -Session $from -UserId alice, bob | New-ImUser -Session $to (Tencent Cloud IM and WildfireChat
    sources; WuKongIM has no user directory: create the users from your own list).

.EXAMPLE
    $from = Connect-ImServer -Provider WuKongIM -Uri https://im.example.com:5001 -Token $token -PassThru
    $to = Connect-ImServer -SdkAppId 1400000000 -Identifier administrator -SecretKey $key -PassThru
    ./Move-ImConversation.ps1 -Source $from -Target $to -UserId alice -PeerId bob -Journal ./alice-bob.journal
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] $Source,
    [Parameter(Mandatory)] $Target,
    [Parameter(Mandatory)] [string] $UserId,
    [Parameter(Mandatory)] [string] $PeerId,
    [Parameter(Mandatory)] [string] $Journal,
    # Tencent Cloud IM sources read history by time: the oldest message to move (default: 7 days ago, the server's roaming time).
    [DateTimeOffset] $StartTime = [DateTimeOffset]::UtcNow.AddDays(-7)
)

$read = @{ Session = $Source; UserId = $UserId; ChannelId = $PeerId; ChannelType = 'Person' }
if ($Source.Provider -eq 'TencentCloud') { $read.StartTime = $StartTime } else { $read.Direction = 'Newer'; $read.PageSize = 1000 }

Get-ImMessage @read |
    Where-Object { -not $_.Revoked } |
    Import-ImMessage -Session $Target -Journal $Journal -Summary
