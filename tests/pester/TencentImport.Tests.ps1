# Import-ImMessage on Tencent Cloud IM: openim/importmsg, one row per call, dedupe key derived from the row.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed
    $script:tc = Connect-SandboxTencent $sandbox -Name tcimport
    $script:wf = Connect-SandboxWildfire $sandbox -Name wfimport

    function Get-ImportCall {
        , @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path '/v4/openim/importmsg')
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Import-ImMessage on Tencent Cloud IM' {
    It 'imports CSV rows as historical messages with their original times' {
        $csv = "From_Account,To_Account,Message,Timestamp`nalice,bob,hello from 2020,2020-05-01T10:00:00Z`nbob,alice,hi back,2020-05-01T10:01:00Z"
        # Rows go one call each, concurrently: results come back as calls finish.
        $out = @($csv | ConvertFrom-Csv | Import-ImMessage -PassThru -Session $tc | Sort-Object Timestamp)
        $out.Count | Should -Be 2
        $out[0].Succeeded | Should -BeTrue
        $out[0].Timestamp | Should -Be ([DateTimeOffset]'2020-05-01T10:00:00Z')
        $body = @((Get-ImportCall) | Where-Object { $_.body -match '"MsgTimeStamp":1588327200' })[-1].body
        $body | Should -Match '"SyncFromOldSystem":2'
        $body | Should -Match '"From_Account":"alice"'
    }

    It 'sends SyncFromOldSystem 5 for a real-time import' {
        Import-ImMessage -From alice -ChannelId carol -Text 'live' -Timestamp '2021-01-01' -SyncFromOldSystem 5 -Session $tc
        (Get-ImportCall)[-1].body | Should -Match '"SyncFromOldSystem":5'
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-ImportCall).Count
        Import-ImMessage -From alice -ChannelId bob -Text 'not imported' -Timestamp '2020-01-01' -Session $tc -WhatIf
        (Get-ImportCall).Count | Should -Be $before
    }

    It 'reports a row for an unknown recipient with the row as TargetObject and goes on' {
        $rows = "From,To,Text,Timestamp`nalice,nobody-here,lost,2020-01-01`nalice,dave,kept,2020-01-01" | ConvertFrom-Csv
        $out = $rows | Import-ImMessage -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        @($out).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.To | Should -Be 'nobody-here'
        $failed[0].Exception.ServerCode | Should -Be 90012
    }

    It 'refuses a group row naming -ChannelType' {
        Import-ImMessage -ChannelId g1 -ChannelType Group -Text 'x' -Timestamp '2020-01-01' -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.ParameterName | Should -Be 'ChannelType'
    }

    It 'refuses -SyncFromOldSystem on WildfireChat, a Tencent-only option' {
        $err = { Import-ImMessage -ChannelId bob -Text 'x' -Timestamp '2020-01-01' -SyncFromOldSystem 5 -Session $wf } | Should -Throw -PassThru
        $err.Exception.ParameterName | Should -Be 'SyncFromOldSystem'
    }
}
