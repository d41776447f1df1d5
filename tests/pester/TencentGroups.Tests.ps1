# Send-ImMessage -ChannelType Group on Tencent Cloud IM: group_open_http_svc/send_group_msg, one call per group row.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed
    $script:tc = Connect-SandboxTencent $sandbox -Name tcgroups

    function Get-GroupSendCall {
        , @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path '/v4/group_open_http_svc/send_group_msg')
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Send-ImMessage to a Tencent Cloud IM group' {
    It 'sends to the seeded demo group and returns the group MsgSeq as MessageSequence' {
        $first = Send-ImMessage -ChannelType Group -ChannelId demo-group -From alice -Text 'hello group' -PassThru -Session $tc
        $second = Send-ImMessage -ChannelType Group -ChannelId demo-group -Text 'again' -PassThru -Session $tc
        $first.Succeeded | Should -BeTrue
        $first.ChannelType | Should -Be 'Group'
        $first.MessageKey | Should -BeNullOrEmpty
        $second.MessageSequence | Should -Be ($first.MessageSequence + 1)
        $body = (Get-GroupSendCall)[-2].body
        $body | Should -Match '"GroupId":"demo-group"'
        $body | Should -Match '"From_Account":"alice"'
        $body | Should -Match '"Random":\d+'
    }

    It 'binds CSV rows and reports an unknown group per row with the row as TargetObject' {
        $rows = "To,ChannelType,Message`ndemo-group,Group,from csv`nno-such-group,Group,lost" | ConvertFrom-Csv
        $sent = $rows | Send-ImMessage -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        @($sent | Where-Object Succeeded).ChannelId | Should -Be 'demo-group'
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.To | Should -Be 'no-such-group'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.ServerCode | Should -Be 10010
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-GroupSendCall).Count
        Send-ImMessage -ChannelType Group -ChannelId demo-group -Text 'not sent' -Session $tc -WhatIf
        (Get-GroupSendCall).Count | Should -Be $before
    }

    It 'says in the verbose stream that -NoRedDot has no group equivalent' {
        $verbose = Send-ImMessage -ChannelType Group -ChannelId demo-group -Text 'quiet' -NoRedDot -Session $tc -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'unread count'
    }
}
