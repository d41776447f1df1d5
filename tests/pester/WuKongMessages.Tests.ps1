# WuKongIM messages and conversations in a real PowerShell: pipeline binding from CSV and from cmdlet output,
# -WhatIf, error records, lazy paging and the server-version and plugin branches.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox

    function script:New-TestId([string] $Prefix) { $Prefix + '-' + [guid]::NewGuid().ToString('N').Substring(0, 10) }

    # Test data goes in through the server API itself, so these tests depend on no other cmdlet.
    function script:Send-TestText {
        param([string] $BaseUri, [string] $Token, [string] $From, [string] $To, [int] $Type = 1, [int] $Count = 1, [string] $Prefix = 'm')
        foreach ($i in 1..$Count) {
            $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((@{ type = 1; content = "$Prefix$i" } | ConvertTo-Json -Compress)))
            $body = @{ from_uid = $From; channel_id = $To; channel_type = $Type; payload = $payload; header = @{ red_dot = 1 } } | ConvertTo-Json
            Invoke-RestMethod -Method Post -Uri "$BaseUri/message/send" -Headers @{ token = $Token } -ContentType 'application/json' -Body $body | Out-Null
        }
    }
    function script:Send-Text([string] $From, [string] $To, [int] $Type = 1, [int] $Count = 1, [string] $Prefix = 'm') {
        Send-TestText -BaseUri $sandbox.wuKongIM -Token $sandbox.wuKongToken -From $From -To $To -Type $Type -Count $Count -Prefix $Prefix
    }
    function script:Get-Requests([string] $Path, [string] $Marker) {
        # ForEach-Object flattens the journal whether Invoke-RestMethod wrote the array whole or item by item.
        @(Get-SandboxRequest -BaseUri $sandbox.wuKongIM -Path $Path | ForEach-Object { $_ } |
            Where-Object { $_.body -match [regex]::Escape($Marker) -or $_.query -match [regex]::Escape($Marker) })
    }

    $null = Connect-SandboxWuKong $sandbox

    # A second sandbox's session becomes the default when connected; this makes the main one the default again.
    function script:Restore-DefaultSession { $null = Connect-SandboxWuKong $sandbox }
}


AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Get-ImMessage' {
    It 'streams history lazily: -First 3 stops after the pages it needs' {
        $group = New-TestId grp
        Send-Text -From bot -To $group -Type 2 -Count 9
        $messages = Get-ImMessage -ChannelId $group -ChannelType Group -PageSize 2 -First 3
        $messages.MessageSequence | Should -Be @(9, 8, 7)
        $messages[0].Text | Should -Be 'm9'
        @(Get-Requests '/channel/messagesync' $group).Count | Should -Be 2
    }

    It 'reads newer messages oldest first with -Skip' {
        $group = New-TestId grp
        Send-Text -From bot -To $group -Type 2 -Count 5
        (Get-ImMessage $group Group -Direction Newer -Skip 1 -First 2).Text | Should -Be @('m2', 'm3')
    }

    It 'reports a missing id as a non-terminating ObjectNotFound error whose TargetObject is the id' {
        $group = New-TestId grp
        Send-Text -From bot -To $group -Type 2 -Count 1
        $id = (Get-ImMessage $group Group).MessageId
        $found = Get-ImMessage -MessageId $id, 999 -ChannelId $group -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed
        $found.MessageId | Should -Be $id
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 999
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.MessageNotFound*'
    }

    It 'takes ids from its own output, and names the sender and the recipient of person messages' {
        $alice = New-TestId alice; $bob = New-TestId bob
        Send-Text -From $bob -To $alice -Count 2
        $again = Get-ImMessage -ChannelId $bob -ChannelType Person -UserId $alice | Get-ImMessage -UserId $alice
        $again.Text | Should -Be @('m2', 'm1')
        # Direction as sent, whoever reads it (so history rows import the right way round).
        $again.From | Should -Be @($bob, $bob)
        $again.ChannelId | Should -Be @($alice, $alice)
    }

    It 'fails fast naming -UserId for a person channel without the viewing user' {
        $peer = New-TestId peer
        Get-ImMessage -ChannelId $peer -ChannelType Person -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Match '-UserId'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].TargetObject | Should -Be $peer
        @(Get-Requests '/channel/messagesync' $peer).Count | Should -Be 0
    }

    It 'gets the newest sequence of channels listed in a CSV' {
        $group = New-TestId grp
        Send-Text -From bot -To $group -Type 2 -Count 4
        $rows = "channel_id,channel_type`n$group,Group`n$(New-TestId empty),2" | ConvertFrom-Csv
        # Rows are read concurrently: the results may come back in either order.
        $sequences = @{}
        $rows | Get-ImMessageSequence | ForEach-Object { $sequences[$_.ChannelId] = $_.MessageSequence }
        $sequences[$group] | Should -Be 4
        $sequences[$rows[1].channel_id] | Should -Be 0
    }
}

Describe 'Search-ImMessage' {
    It 'stops with one clear NotSupported error when the search plugin is not installed' {
        $err = { Search-ImMessage -UserId u1 -Keyword hello } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.Message | Should -Match 'wk\.plugin\.search'
        $err.Exception.Message | Should -Match 'not installed'
    }

    Context 'with the plugin' {
        BeforeAll {
            $script:searchSandbox = Start-ImSandbox -WuKongSearchPlugin
            $script:searchSession = Connect-SandboxWuKong $searchSandbox -Name search
        }
        AfterAll {
            Disconnect-ImServer -Name search
            Stop-ImSandbox $script:searchSandbox
            Restore-DefaultSession
        }

        It 'finds text in a user''s messages, newest first, page by page' {
            $alice = New-TestId alice; $bob = New-TestId bob
            Send-TestText -BaseUri $searchSandbox.wuKongIM -Token $searchSandbox.wuKongToken -From $bob -To $alice -Count 3 -Prefix 'Invoice '
            Send-TestText -BaseUri $searchSandbox.wuKongIM -Token $searchSandbox.wuKongToken -From $bob -To $alice -Count 1 -Prefix 'lunch '
            $hits = Search-ImMessage -UserId $alice -Keyword invoice -PageSize 2 -Session $searchSession
            $hits.Text | Should -Be @('Invoice 3', 'Invoice 2', 'Invoice 1')
            $total, $newest = Search-ImMessage $alice invoice -IncludeTotalCount -First 1 -Session $searchSession
            "$total" | Should -Match '\b3\b'
            $newest.Text | Should -Be 'Invoice 3'
        }
    }
}

Describe 'Send-ImEvent' {
    It 'sends nothing with -WhatIf' {
        $stream = New-TestId stream
        Send-ImEvent -ClientMsgNo $stream -ChannelId g1 -ChannelType Group -EventType stream.delta -WhatIf
        @(Get-Requests '/message/event' $stream).Count | Should -Be 0
    }

    It 'returns the accepted event with -PassThru' {
        $stream = New-TestId stream
        $result = Send-ImEvent $stream stream.delta '{"text":"Hi"}' -ChannelId g1 -ChannelType Group -PassThru
        $result.Api | Should -Be '/message/event'
        $result.EventSequence | Should -Be 1
    }

    It 'refuses a server that predates the event API, naming its version' {
        $old = Start-ImSandbox -WuKongVersion 'v2.0.10-20250301'
        try {
            $session = Connect-SandboxWuKong $old -Name old
            $err = { Send-ImEvent -ClientMsgNo s1 -ChannelId g1 -ChannelType Group -EventType x -Session $session } | Should -Throw -PassThru
            $err.Exception.Message | Should -Match 'v2\.0\.10'
            $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        } finally {
            Disconnect-ImServer -Name old
            Stop-ImSandbox $old
            Restore-DefaultSession
        }
    }
}

Describe 'Conversations' {
    It 'binds Import-Csv rows to Clear-ImConversationUnread through the CSV column aliases' {
        $u1 = New-TestId u; $u2 = New-TestId u; $friend = New-TestId friend
        Send-Text -From $friend -To $u1 -Count 2
        Send-Text -From $friend -To $u2 -Count 3
        $csv = Join-Path ([IO.Path]::GetTempPath()) ((New-TestId rows) + '.csv')
        "uid,To,channel_type`n$u1,$friend,Person`n$u2,$friend,1`nodd,room,Things" | Set-Content $csv
        try {
            $cleared = Import-Csv $csv | Clear-ImConversationUnread -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        } finally { Remove-Item $csv }
        $cleared.Unread | Should -Be @(0, 0)
        # Rows run concurrently: results come back as their calls finish.
        ($cleared.UserId | Sort-Object) | Should -Be (@($u1, $u2) | Sort-Object)
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.To | Should -Be 'room' # the CSV row itself
        $failed[0].Exception.Message | Should -Match 'Things'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Sync-ImConversation -UserId $u2).Unread | Should -Be 0
    }

    It 'pipes Sync-ImConversation into Clear-ImConversationUnread' {
        $user = New-TestId user
        Send-Text -From (New-TestId a) -To $user -Count 2
        Send-Text -From (New-TestId b) -To $user -Count 1
        (Sync-ImConversation -UserId $user).Unread | Sort-Object | Should -Be @(1, 2)
        Sync-ImConversation -UserId $user | Clear-ImConversationUnread
        (Sync-ImConversation -UserId $user).Unread | Should -Be @(0, 0)
        (Sync-ImConversation -UserId $user -OnlyUnread | Measure-Object).Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        $user = New-TestId user
        Send-Text -From (New-TestId a) -To $user -Count 1
        Sync-ImConversation -UserId $user | Remove-ImConversation -WhatIf
        Sync-ImConversation -UserId $user | Clear-ImConversationUnread -WhatIf
        Sync-ImConversation -UserId $user | Set-ImConversationUnread -Unread 0 -WhatIf
        @(Get-Requests '/conversations/delete' $user).Count | Should -Be 0
        @(Get-Requests '/conversations/clearUnread' $user).Count | Should -Be 0
        @(Get-Requests '/conversations/setUnread' $user).Count | Should -Be 0
        (Sync-ImConversation -UserId $user).Unread | Should -Be 1
    }

    It 'lowers an unread count and warns instead of raising it' {
        $user = New-TestId user; $friend = New-TestId friend
        Send-Text -From $friend -To $user -Count 5
        (Set-ImConversationUnread $user $friend Person -Unread 2 -PassThru).Unread | Should -Be 2
        $after = Set-ImConversationUnread $user $friend Person -Unread 4 -PassThru -WarningVariable warned -WarningAction SilentlyContinue
        $after.Unread | Should -Be 2
        $warned[0] | Should -Match 'only lower'
    }

    It 'refuses to set unread on a conversation without messages, naming -Unread' {
        $user = New-TestId user
        Set-ImConversationUnread $user (New-TestId grp) Group -Unread 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'Unread 0'
        $failed[0].TargetObject.UserId | Should -Be $user
    }

    It 'removes a conversation until a newer message arrives' {
        $user = New-TestId user; $friend = New-TestId friend
        Send-Text -From $friend -To $user -Count 2
        $removed = Sync-ImConversation -UserId $user | Remove-ImConversation -Confirm:$false -PassThru
        $removed.ChannelId | Should -Be $friend
        @(Sync-ImConversation -UserId $user).Count | Should -Be 0
        Send-Text -From $friend -To $user -Count 1 -Prefix again
        $back = Sync-ImConversation -UserId $user
        $back.Unread | Should -Be 1
        $back.Recents.Text | Should -Be 'again1'
    }

    It 'validates -MessageCount before calling the server' {
        { Sync-ImConversation -UserId u1 -MessageCount 0 } | Should -Throw -ExpectedMessage '*MessageCount*'
    }
}
