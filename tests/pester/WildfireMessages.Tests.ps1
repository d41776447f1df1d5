# Managing sent WildfireChat messages in a real PowerShell: recall what Send-ImMessage returned, -WhatIf sends nothing,
# failed ids are the TargetObject of their errors, and professional-edition routes on a community server stop clearly.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:community = Start-ImSandbox
    $script:professional = Start-ImSandbox -WildfireProfessional

    function Get-WildfireRequest([string] $Path, $Sandbox = $community) {
        @(Get-SandboxRequest -BaseUri $Sandbox.wildfire -Path $Path)
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:community
    Stop-ImSandbox $script:professional
}

Describe 'Revoke-ImMessage on WildfireChat' {
    BeforeAll { Connect-SandboxWildfire $community | Out-Null }

    It 'recalls what Send-ImMessage -PassThru returned, binding MessageId by property name' {
        $sent = Send-ImMessage -ChannelId admin -Text 'sent by mistake' -PassThru
        $result = $sent | Revoke-ImMessage -PassThru -Confirm:$false
        $result.MessageId | Should -Be $sent.MessageId
        $result.AlreadyRevoked | Should -BeFalse
        $result.Text | Should -Be 'sent by mistake'
        $result.From | Should -Be 'admin'
        (Get-WildfireRequest '/admin/message/recall')[-1].body | Should -Match "`"messageUid`":$($sent.MessageId)"
    }

    It 'reports an already recalled message as success with AlreadyRevoked' {
        $sent = Send-ImMessage -ChannelId admin -Text 'twice' -PassThru
        $sent | Revoke-ImMessage -Confirm:$false
        $again = Revoke-ImMessage -MessageId $sent.MessageId -Operator moderator -PassThru -Confirm:$false
        $again.AlreadyRevoked | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $sent = Send-ImMessage -ChannelId admin -Text 'keep me' -PassThru
        $before = (Get-WildfireRequest '/admin/message/recall').Count
        $sent | Revoke-ImMessage -WhatIf
        (Get-WildfireRequest '/admin/message/recall').Count | Should -Be $before
    }

    It 'writes a non-terminating ObjectNotFound error per unknown id from a CSV, with the id as TargetObject, and goes on' {
        $sent = Send-ImMessage -ChannelId admin -Text 'recall me' -PassThru
        $rows = "MessageId`n42`n$($sent.MessageId)" | ConvertFrom-Csv
        $out = $rows | Revoke-ImMessage -PassThru -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 42
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.RevokeMessageFailed*'
        $failed[0].Exception.ServerCode | Should -Be 253
        @($out).Count | Should -Be 1
        $out.MessageId | Should -Be $sent.MessageId
    }

    It 'recalls a multicast for the given receivers only' {
        $sent = @('alice', 'bob') | Send-ImMessage -Text 'to both' -PassThru
        $sent[0].MessageId | Should -Be $sent[1].MessageId
        $result = Revoke-ImMessage -MessageId $sent[0].MessageId -Multicast -Receiver bob -PassThru -Confirm:$false
        $result.Receiver | Should -Be @('bob')
        (Get-WildfireRequest '/admin/message/recall_multicast')[-1].body | Should -Match '"receivers":\["bob"\]'
    }

    It 'stops with one NotSupported error for -Broadcast on a community server' {
        $err = { Revoke-ImMessage -MessageId 7, 8 -Broadcast -Confirm:$false } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.Message | Should -Match 'professional edition'
        (Get-WildfireRequest '/admin/message/recall_broadcast').Count | Should -Be 1
    }

    It 'recalls a broadcast on a professional-edition server' {
        $pro = Connect-SandboxWildfire $professional -Name wfpro
        $broadcast = Send-ImBroadcast -Text 'all hands' -PassThru -Session $pro -Confirm:$false
        $result = $broadcast | Revoke-ImMessage -Broadcast -PassThru -Session $pro -Confirm:$false
        $result.MessageId | Should -Be $broadcast.MessageId
        (Get-WildfireRequest '/admin/message/recall_broadcast' $professional).Count | Should -Be 1
    }

    It 'stops with one error naming the provider on a WuKongIM session' {
        $wk = Connect-SandboxWuKong $community -Name wk
        $err = { Revoke-ImMessage -MessageId 1 -Session $wk -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'WuKongIM'
    }
}
