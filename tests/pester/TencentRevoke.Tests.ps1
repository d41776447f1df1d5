# Revoke-ImMessage on Tencent Cloud IM: admin_msgwithdraw by MsgKey, fed by Send-ImMessage -PassThru or CSV rows.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    $script:tc = Connect-SandboxTencent $sandbox -Name tcrevoke

    function Get-WithdrawCall {
        , @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path '/v4/openim/admin_msgwithdraw')
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Revoke-ImMessage on Tencent Cloud IM' {
    It 'recalls what Send-ImMessage -PassThru returned, binding MessageKey and ChannelId by property name' {
        $sent = Send-ImMessage -ChannelId administrator -Text 'oops' -PassThru -Session $tc
        $result = $sent | Revoke-ImMessage -PassThru -Session $tc -Confirm:$false
        $result.MessageKey | Should -Be $sent.MessageKey
        $result.From | Should -Be 'administrator'
        $result.AlreadyRevoked | Should -BeFalse
        (Get-WithdrawCall)[-1].body | Should -Match ([regex]::Escape("`"MsgKey`":`"$($sent.MessageKey)`""))
        ($sent | Revoke-ImMessage -PassThru -Session $tc -Confirm:$false).AlreadyRevoked | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $sent = Send-ImMessage -ChannelId administrator -Text 'keep' -PassThru -Session $tc
        $before = (Get-WithdrawCall).Count
        $sent | Revoke-ImMessage -Session $tc -WhatIf
        (Get-WithdrawCall).Count | Should -Be $before
    }

    It 'names the group and the sequence in the -WhatIf text of a group message given as a plain number' {
        $transcript = Join-Path $TestDrive 'whatif-group.txt'
        $before = @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path '/v4/group_open_http_svc/group_msg_recall').Count
        Start-Transcript -Path $transcript | Out-Null
        try {
            Revoke-ImMessage 5 -ChannelType Group -ChannelId grp-whatif -Session $tc -WhatIf
            7 | Revoke-ImMessage -ChannelType Group -ChannelId grp-whatif -Session $tc -WhatIf
        } finally {
            Stop-Transcript | Out-Null
        }
        $text = Get-Content $transcript -Raw
        $text | Should -Match ([regex]::Escape("message 5 of group 'grp-whatif' on 'tcrevoke'"))
        $text | Should -Match ([regex]::Escape("message 7 of group 'grp-whatif' on 'tcrevoke'"))
        @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path '/v4/group_open_http_svc/group_msg_recall').Count | Should -Be $before
    }

    It 'writes ObjectNotFound per unknown MsgKey from CSV rows, with the row as TargetObject' {
        $rows = "MessageKey,From_Account,To_Account`n1_2_3,administrator,administrator" | ConvertFrom-Csv
        $rows | Revoke-ImMessage -Session $tc -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].TargetObject.MessageKey | Should -Be '1_2_3'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.ServerCode | Should -Be 20022
    }

    It 'says which parameters Tencent needs when only a message id is given' {
        Revoke-ImMessage -MessageId 5 -Session $tc -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.ParameterName | Should -Be 'MessageKey'
        $failed[0].Exception.Message | Should -Match '-MessageKey -From -ChannelId'
    }

    It 'stops with one error naming the provider for -Broadcast on Tencent' {
        $err = { Revoke-ImMessage -MessageId 5 -Broadcast -Session $tc -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'Tencent'
    }
}
