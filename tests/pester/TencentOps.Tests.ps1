# Tencent Cloud IM operations in a real PowerShell: presence, kick, read marks and unread counts, from CSV rows.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    # Seeded: alice, bob, carol, dave; alice is logged in on an iPhone.
    $script:sandbox = Start-ImSandbox -Seed
    $null = Connect-SandboxTencent $sandbox
    $script:tc = $sandbox.tencent

    function Get-Calls([string] $Api) { @(Get-SandboxRequest $tc -Path "/v4/$Api") }
    function ConvertFrom-TestCsv([string] $Text) { $Text | ConvertFrom-Csv }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Get-ImOnlineStatus on Tencent Cloud IM' {
    It 'answers every CSV row and makes an unknown account an error whose TargetObject is its row' {
        $rows = ConvertFrom-TestCsv "Member_Account`nalice`nbob`nghost-user"
        $statuses = $rows | Get-ImOnlineStatus -ErrorVariable failed -ErrorAction SilentlyContinue
        $statuses.UserId | Should -Be @('alice', 'bob')
        ($statuses | Where-Object UserId -eq alice).Status | Should -Be 'Online'
        ($statuses | Where-Object UserId -eq alice).Platforms | Should -Be @('iPhone')
        ($statuses | Where-Object UserId -eq bob).Online | Should -BeFalse
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.Member_Account | Should -Be 'ghost-user'
        $failed[0].Exception.ServerCode | Should -Be 70107
        (Get-Calls 'openim/query_online_status').Count | Should -Be 1
    }
}

Describe 'Disconnect-ImDevice on Tencent Cloud IM' {
    It 'sends nothing with -WhatIf' {
        $rows = ConvertFrom-TestCsv "Uid`ndave`ncarol"
        $rows | Disconnect-ImDevice -WhatIf
        Get-Calls 'im_open_login_svc/kick' | Should -BeNullOrEmpty
    }

    It 'kicks the CSV rows without a device flag and reports the failed row' {
        $rows = ConvertFrom-TestCsv "Uid`ndave`nghost-user"
        $done = $rows | Disconnect-ImDevice -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        $done.UserId | Should -Be 'dave'
        $done.DeviceFlag | Should -Be 'All'
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.Uid | Should -Be 'ghost-user'
        $failed[0].Exception.ServerCode | Should -Be 70107
        (Get-Calls 'im_open_login_svc/kick').Count | Should -Be 2
    }

    It 'refuses a single device kind with an error naming -DeviceFlag, before sending' {
        $before = (Get-Calls 'im_open_login_svc/kick').Count
        Disconnect-ImDevice -UserId dave -DeviceFlag Web -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.ParameterName | Should -Be 'DeviceFlag'
        $failed[0].TargetObject | Should -Be 'dave'
        $whatIf = Disconnect-ImDevice -UserId dave -DeviceFlag PC -WhatIf -ErrorVariable refused -ErrorAction SilentlyContinue 6>&1
        $refused.Count | Should -Be 1
        $whatIf | Should -BeNullOrEmpty
        (Get-Calls 'im_open_login_svc/kick').Count | Should -Be $before
    }
}

Describe 'Clear-ImConversationUnread and Get-ImUnreadCount on Tencent Cloud IM' {
    BeforeAll {
        Send-ImMessage -From bob -ChannelId carol -ChannelType Person -Text 'one'
        Send-ImMessage -From bob -ChannelId carol -ChannelType Person -Text 'two'
    }

    It 'counts unread messages per peer and in total' {
        (Get-ImUnreadCount -UserId carol -PeerUserId bob).UnreadCount | Should -Be 2
        $total = Get-ImUnreadCount carol
        $total.PeerUserId | Should -BeNullOrEmpty
        $total.UnreadCount | Should -Be 2
    }

    It 'sends nothing with -WhatIf' {
        ConvertFrom-TestCsv "Member_Account,To_Account,channel_type`ncarol,bob,Person" | Clear-ImConversationUnread -WhatIf
        Get-Calls 'openim/admin_set_msg_read' | Should -BeNullOrEmpty
        (Get-ImUnreadCount -UserId carol -PeerUserId bob).UnreadCount | Should -Be 2
    }

    It 'marks CSV conversations read and reports the failed row' {
        $rows = ConvertFrom-TestCsv "Member_Account,To_Account,channel_type`ncarol,bob,Person`nghost-user,bob,Person"
        $done = $rows | Clear-ImConversationUnread -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        $done.UserId | Should -Be 'carol'
        $done.Provider | Should -Be 'TencentCloud'
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.Member_Account | Should -Be 'ghost-user'
        $failed[0].Exception.ServerCode | Should -Be 90008
        (Get-ImUnreadCount -UserId carol -PeerUserId bob).UnreadCount | Should -Be 0
    }

    It 'makes an unknown peer an error of its own and still writes the other counts' {
        $counts = Get-ImUnreadCount -UserId carol -PeerUserId bob, ghost-user -ErrorVariable failed -ErrorAction SilentlyContinue
        $counts.PeerUserId | Should -Be 'bob'
        $failed[0].TargetObject | Should -Be 'ghost-user'
        $failed[0].Exception.ServerCode | Should -Be 70107
    }
}

Describe 'Get-ImMessage history on Tencent Cloud IM' {
    BeforeAll {
        foreach ($text in 'h1', 'h2', 'h3') { Send-ImMessage -From dave -ChannelId bob -ChannelType Person -Text $text }
    }

    It 'reads a conversation newest first, from either side' {
        $messages = Get-ImMessage -UserId bob -ChannelId dave -ChannelType Person
        $messages.Text | Should -Be @('h3', 'h2', 'h1')
        $messages[0].From | Should -Be 'dave'
        $messages[0].MessageKey | Should -Not -BeNullOrEmpty
        (Get-ImMessage -UserId dave -ChannelId bob -ChannelType Person).Count | Should -Be 3
    }

    It 'binds CSV rows and stops with -First' {
        $before = (Get-Calls 'openim/admin_getroammsg').Count
        $rows = ConvertFrom-TestCsv "Member_Account,To_Account,channel_type`nbob,dave,Person"
        $first = $rows | Get-ImMessage -First 1 -PageSize 1
        $first.Text | Should -Be 'h3'
        (Get-Calls 'openim/admin_getroammsg').Count - $before | Should -Be 1
    }

    It 'reports a start after the end as an error naming -StartTime, with the row as TargetObject' {
        $before = (Get-Calls 'openim/admin_getroammsg').Count
        Get-ImMessage -UserId bob -ChannelId dave -ChannelType Person -StartTime (Get-Date) -EndTime (Get-Date).AddDays(-1) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.ParameterName | Should -Be 'StartTime'
        $failed[0].TargetObject | Should -Be 'dave'
        (Get-Calls 'openim/admin_getroammsg').Count | Should -Be $before
    }

    It 'keeps the server code for an unknown account' {
        Get-ImMessage -UserId ghost-user -ChannelId dave -ChannelType Person -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.ServerCode | Should -Be 90008
    }

    It 'stops with one NotSupported error for a lookup by id' {
        $err = { Get-ImMessage -UserId bob -ChannelId dave -ChannelType Person -MessageId 1 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.GetMessageFailed*'
        $err.Exception.Message | Should -Match 'TencentCloud'
    }
}

# Last: connecting to WuKongIM makes that session the default.
Describe 'Get-ImUnreadCount on WuKongIM' {
    It 'stops with one NotSupported error naming the provider' {
        $wk = Connect-SandboxWuKong $sandbox -Name 'wk-unread'
        try {
            $err = { Get-ImUnreadCount -UserId carol -Session $wk } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
            $err.Exception.Message | Should -Match 'WuKongIM'
        }
        finally { Disconnect-ImServer -Name 'wk-unread' }
    }
}
