# WildfireChat users, groups, online users and rich messages in a real PowerShell: CSV onboarding that can be re-run,
# blocking, group membership from a CSV in one call, -WhatIf sending nothing, and per-row errors pointing at the row.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed
    Connect-SandboxWildfire $sandbox | Out-Null

    function Get-WildfireRequest([string] $Path) { , @(Get-SandboxRequest -BaseUri $sandbox.wildfire -Path $Path) }
    function New-Id([string] $Prefix) { $Prefix + '-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'New-ImUser from a CSV on WildfireChat' {
    It 'creates every row, and a re-run with changed names updates them without duplicating anyone' {
        $ids = 1..3 | ForEach-Object { New-Id 'csv' }
        $csv = "UserId,Name,Avatar`n$($ids[0]),Ann,https://img/a.png`n$($ids[1]),Bo,`n$($ids[2]),Cy,https://img/c.png" | ConvertFrom-Csv
        $created = $csv | New-ImUser -PassThru
        $created.UserId | Should -Be $ids
        $created[0].DisplayName | Should -Be 'Ann'
        $created[0].AvatarUri | Should -Be 'https://img/a.png'
        $created[0].Provider | Should -Be 'Wildfire'

        $before = @(Get-ImUser).Count
        $csv[1].Name = 'Bob'
        $again = $csv | New-ImUser -PassThru
        $again[1].DisplayName | Should -Be 'Bob'
        $again[0].AvatarUri | Should -Be 'https://img/a.png'
        @(Get-ImUser).Count | Should -Be $before
        (Get-ImUser -UserId $ids[1]).DisplayName | Should -Be 'Bob'
    }

    It 'writes one error per bad row with the row as TargetObject and creates the others' {
        $good = New-Id 'ok'
        $rows = "UserId,Name`n,NoId`n$good,Good" | ConvertFrom-Csv
        $out = $rows | New-ImUser -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.Name | Should -Be 'NoId'
        $out.UserId | Should -Be $good
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-WildfireRequest '/admin/user/create').Count
        New-ImUser -UserId (New-Id 'whatif') -DisplayName 'Nobody' -WhatIf
        (Get-WildfireRequest '/admin/user/create').Count | Should -Be $before
    }
}

Describe 'Get-ImUser on WildfireChat' {
    It 'lists every user lazily, and -First stops paging early' {
        $all = @(Get-ImUser)
        $all.UserId | Should -Contain 'admin'
        $all.UserId | Should -Contain 'alice'
        $before = (Get-WildfireRequest '/admin/user/all').Count
        @(Get-ImUser -First 2 -PageSize 2).Count | Should -Be 2
        (Get-WildfireRequest '/admin/user/all').Count | Should -Be ($before + 1)
        (Get-ImUser -Skip 1 -First 1).UserId | Should -Be $all[1].UserId
    }

    It 'writes an ObjectNotFound error per unknown id, with the id as TargetObject' {
        $out = Get-ImUser -UserId alice, nobody-here -ErrorAction SilentlyContinue -ErrorVariable failed
        $out.UserId | Should -Be 'alice'
        $failed[0].TargetObject | Should -Be 'nobody-here'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Blocking users on WildfireChat' {
    It 'mutes and bans with Set-ImUser -Status and reads the status back with Get-ImUser' {
        $id = New-Id 'block'
        New-ImUser -UserId $id
        Set-ImUser -UserId $id -Status Muted
        (Get-ImUser -UserId $id).Status | Should -Be 'Muted'
        Get-ImUser -UserId $id | Set-ImUser -Status Banned
        (Get-ImUser -UserId $id).Status | Should -Be 'Banned'
        (Get-WildfireRequest '/admin/user/update_block_status')[-1].body | Should -Match '"status":2'
        Set-ImUser -UserId $id -Status Normal -PassThru | Select-Object -ExpandProperty Status | Should -Be 'Normal'
    }

    It 'refuses a status for an unknown user with an ObjectNotFound error and stores nothing' {
        $before = (Get-WildfireRequest '/admin/user/update_block_status').Count
        Set-ImUser -UserId nobody-here -Status Banned -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-WildfireRequest '/admin/user/update_block_status').Count | Should -Be $before
    }
}

Describe 'Remove-ImUser on WildfireChat' {
    It 'destroys the users piped in, and -WhatIf destroys nothing' {
        $id = New-Id 'rm'
        New-ImUser -UserId $id
        Remove-ImUser -UserId $id -WhatIf
        (Get-ImUser -UserId $id).Exists | Should -BeTrue
        Get-ImUser -UserId $id | Remove-ImUser -Confirm:$false
        Get-ImUser -UserId $id -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Groups on WildfireChat' {
    It 'creates a group with a name, an owner and members, and Get-ImChannel reads it back' {
        $group = New-Id 'grp'
        $made = New-ImChannel -ChannelId $group -ChannelType Group -Name 'Ops' -Owner alice -Subscriber bob -PassThru
        $made.Name | Should -Be 'Ops'
        $made.Owner | Should -Be 'alice'
        $made.GroupType | Should -Be 'Restricted'
        $made.MemberCount | Should -Be 2
        (Get-ImChannel -ChannelId $group -ChannelType Group).MemberCount | Should -Be 2
    }

    It 'refuses a group id that is taken with a ResourceExists error naming the row' {
        $group = New-Id 'dup'
        New-ImChannel -ChannelId $group -ChannelType Group -Name 'One'
        New-ImChannel -ChannelId $group -ChannelType Group -Name 'Two' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].Exception.ServerCode | Should -Be 11
    }

    It 'refuses a Tencent group type before anything is sent' {
        $before = (Get-WildfireRequest '/admin/group/create').Count
        { New-ImChannel -ChannelId (New-Id 'tc') -ChannelType Group -GroupType AVChatRoom } | Should -Throw '*GroupType*'
        (Get-WildfireRequest '/admin/group/create').Count | Should -Be $before
    }

    It 'adds the members of a CSV in one call, lists and removes them' {
        $group = New-Id 'csvgrp'
        New-ImChannel -ChannelId $group -ChannelType Group -Owner alice
        $members = 1..2500 | ForEach-Object { [pscustomobject]@{ UserId = "member$_" } }
        $before = (Get-WildfireRequest '/admin/group/member/add').Count
        $members | Add-ImChannelSubscriber -ChannelId $group -ChannelType Group
        (Get-WildfireRequest '/admin/group/member/add').Count | Should -Be ($before + 1)
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group).Count | Should -Be 2501
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group -First 10).Count | Should -Be 10

        Get-ImChannelSubscriber -ChannelId $group -ChannelType Group -UserId 'member1?' |
            Remove-ImChannelSubscriber -Confirm:$false
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group).Count | Should -Be 2491
    }

    It 'gives every row of a failed call its own error when the group does not exist' {
        $rows = 'UserId', 'u1', 'u2' | ConvertFrom-Csv -Header UserId | Select-Object -Skip 1
        $rows | Add-ImChannelSubscriber -ChannelId no-such-group -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 2
        $failed[1].TargetObject.UserId | Should -Be 'u2'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'sends nothing with -WhatIf, and Remove-ImChannel dismisses the group' {
        $group = New-Id 'gone'
        New-ImChannel -ChannelId $group -ChannelType Group
        Add-ImChannelSubscriber -ChannelId $group -ChannelType Group -UserId bob -WhatIf
        Remove-ImChannel -ChannelId $group -ChannelType Group -WhatIf
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group).Count | Should -Be 1
        Remove-ImChannel -ChannelId $group -ChannelType Group -Confirm:$false
        Get-ImChannel -ChannelId $group -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'stops with one error naming the provider when asked to list every group, which WildfireChat cannot' {
        { Get-ImChannel -ChannelType Group } | Should -Throw '*listing every group*Wildfire*'
    }

    It 'stops with one error naming the provider for a channel kind WildfireChat has no API for' {
        { New-ImChannel -ChannelId x -ChannelType Community } | Should -Throw '*Wildfire*'
    }
}

Describe 'Rich messages on WildfireChat' {
    It 'sends push text, push data, mentions, extra, a lifetime, toUsers and a line to a group' {
        $sent = Send-ImMessage -ChannelId demo-group -ChannelType Group -Text 'standup' -PushText 'Standup now' -PushData '{"k":1}' `
            -Mention bob -Extra '{"x":1}' -Lifetime (New-TimeSpan -Minutes 5) -ToUser bob, carol -Line 1 -PassThru
        $sent.Succeeded | Should -BeTrue
        $body = (Get-WildfireRequest '/admin/message/send')[-1].body | ConvertFrom-Json
        $body.payload.pushContent | Should -Be 'Standup now'
        $body.payload.pushData | Should -Be '{"k":1}'
        $body.payload.mentionedType | Should -Be 1
        $body.payload.mentionedTarget | Should -Be 'bob'
        $body.payload.extra | Should -Be '{"x":1}'
        $body.payload.expireDuration | Should -Be 300
        $body.toUsers | Should -Be 'bob', 'carol'
        $body.conv.line | Should -Be 1
    }

    It 'refuses -PushTitle naming the provider before anything is sent' {
        $before = (Get-WildfireRequest '/admin/message/send').Count
        { Send-ImMessage -ChannelId alice -Text 'x' -PushTitle 'Title' } | Should -Throw '*PushTitle*Wildfire*'
        (Get-WildfireRequest '/admin/message/send').Count | Should -Be $before
    }

    It 'broadcasts with -MentionAll and push text' {
        Send-ImBroadcast -Text 'all hands' -MentionAll -PushText 'All hands' -Confirm:$false
        $body = (Get-WildfireRequest '/admin/message/broadcast')[-1].body | ConvertFrom-Json
        $body.payload.mentionedType | Should -Be 2
        $body.payload.pushContent | Should -Be 'All hands'
    }
}

Describe 'Get-ImServerStatus on WildfireChat' {
    It 'reports the connection count and, with -IncludeConnections, who is online' {
        $status = Get-ImServerStatus -IncludeConnections
        $status.Connections | Should -Be 2
        $status.TopConnections.UserId | Should -Be 'alice', 'bob'
        $status.TopConnections[0].DeviceFlag | Should -Be 'App'
    }
}
