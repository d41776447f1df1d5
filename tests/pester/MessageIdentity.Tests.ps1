# -Identity of Revoke-, Remove- and Update-ImMessage: one mandatory parameter that takes ids, MsgKeys, Send-ImMessage
# -PassThru and Get-ImMessage output, CSV rows and plain numbers; the old -MessageId/-MessageKey/-MessageSequence names
# still work; a value that names no message is an error naming -Identity and the fix.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:professional = Start-ImSandbox -WildfireProfessional -Seed
    $script:pro = Connect-SandboxWildfire $professional -Name wfidentity
    $script:tc = Connect-SandboxTencent $professional -Name tcidentity

    function Get-WildfireRequest([string] $Path) {
        , @(Get-SandboxRequest -BaseUri $professional.wildfire -Path $Path)
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:professional
}

Describe '-Identity of the sent-message cmdlets' {
    It 'is one mandatory parameter in every set, the only one taking whole pipeline objects, with the old names as aliases' {
        foreach ($name in 'Revoke-ImMessage', 'Remove-ImMessage', 'Update-ImMessage') {
            $command = Get-Command $name
            $identity = $command.Parameters['Identity']
            $identity.Aliases | Should -Contain 'MessageId'
            @($identity.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count | Should -Be 0
            @($command.Parameters.Values | Where-Object { $_.ParameterSets.Values.ValueFromPipeline -contains $true }).Name | Should -Be @('Identity')
        }
        (Get-Command Revoke-ImMessage).Parameters['Identity'].Aliases | Should -Be @('MessageId', 'MessageKey', 'MessageSequence', 'MsgSeq')
    }

    It 'binds Send-ImMessage -PassThru output, Get-ImMessage output and the old -MessageId name' {
        $sent = 'one', 'two', 'three' | ForEach-Object { Send-ImMessage -ChannelId admin -Text $_ -PassThru -Session $pro }
        ($sent[0] | Revoke-ImMessage -PassThru -Session $pro -Confirm:$false).MessageId | Should -Be $sent[0].MessageId
        $read = Get-ImMessage -ChannelId admin -ChannelType Person -MessageId $sent[1].MessageId -Session $pro
        ($read | Remove-ImMessage -PassThru -Session $pro -Confirm:$false).MessageId | Should -Be $sent[1].MessageId
        (Update-ImMessage -MessageId $sent[2].MessageId -Text 'changed' -PassThru -Session $pro).Text | Should -Be 'changed'
    }

    It 'binds CSV rows and plain numbers, one message each' {
        $sent = 'a', 'b' | ForEach-Object { Send-ImMessage -ChannelId admin -Text $_ -PassThru -Session $pro }
        $before = (Get-WildfireRequest '/admin/message/recall').Count
        "MessageId`n$($sent[0].MessageId)" | ConvertFrom-Csv | Revoke-ImMessage -Session $pro -Confirm:$false
        $sent[1].MessageId | Revoke-ImMessage -Session $pro -Confirm:$false
        $bodies = (Get-WildfireRequest '/admin/message/recall') | Select-Object -Skip $before | ForEach-Object body
        @($bodies).Count | Should -Be 2
        $bodies[0] | Should -Match "$($sent[0].MessageId)"
        $bodies[1] | Should -Match "$($sent[1].MessageId)"
    }

    It 'refuses a direct value that names no message, naming -Identity, and sends nothing' {
        $before = (Get-WildfireRequest '/admin/message/delete').Count
        $err = { Remove-ImMessage -MessageId 0 -Session $pro -Confirm:$false } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match "parameter 'Identity'"
        $err.Exception.Message | Should -Match '0 is not a message id'
        (Get-WildfireRequest '/admin/message/delete').Count | Should -Be $before
    }

    It 'writes a non-terminating error naming -Identity for a CSV row without an id or key, and goes on with the next row' {
        $sent = Send-ImMessage -ChannelId admin -Text 'keep going' -PassThru -Session $pro
        $rows = "MessageId,Note`n,empty`n$($sent.MessageId),good" | ConvertFrom-Csv
        $out = $rows | Revoke-ImMessage -PassThru -Session $pro -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 1
        "$($failed[0])" | Should -Match 'Identity'
        "$($failed[0])" | Should -Match 'pipe Send-ImMessage -PassThru output'
        @($out).MessageId | Should -Be @($sent.MessageId)
    }

    It 'points a failed message at what was piped, so $failed.TargetObject can be piped again' {
        $rows = "MessageId`n424242" | ConvertFrom-Csv
        $rows | Revoke-ImMessage -Session $pro -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject.MessageId | Should -Be '424242'
    }
}

Describe '-Identity on Tencent Cloud IM' {
    It 'recalls a C2C message by MsgKey from Send-ImMessage -PassThru, and by the old -MessageKey -From -ChannelId names' {
        $sent = 'k1', 'k2' | ForEach-Object { Send-ImMessage -ChannelId administrator -Text $_ -PassThru -Session $tc }
        ($sent[0] | Revoke-ImMessage -PassThru -Session $tc -Confirm:$false).MessageKey | Should -Be $sent[0].MessageKey
        $old = Revoke-ImMessage -MessageKey $sent[1].MessageKey -From administrator -ChannelId administrator -PassThru -Session $tc -Confirm:$false
        $old.MessageKey | Should -Be $sent[1].MessageKey
        $old.AlreadyRevoked | Should -BeFalse
    }

    It 'recalls a group message by the old -MessageSequence name and by a plain number with -ChannelType Group' {
        $sent = 'g1', 'g2' | ForEach-Object { Send-ImMessage -ChannelType Group -ChannelId demo-group -Text $_ -PassThru -Session $tc }
        (Revoke-ImMessage -ChannelType Group -ChannelId demo-group -MessageSequence $sent[0].MessageSequence -PassThru -Session $tc -Confirm:$false).MessageSequence |
            Should -Be $sent[0].MessageSequence
        ($sent[1].MessageSequence | Revoke-ImMessage -ChannelType Group -ChannelId demo-group -PassThru -Session $tc -Confirm:$false).MessageSequence |
            Should -Be $sent[1].MessageSequence
        $history = Get-ImMessage -ChannelType Group -ChannelId demo-group -First 5 -Session $tc
        @($history | Where-Object { $_.MessageSequence -in $sent.MessageSequence -and $_.Revoked }).Count | Should -Be 2
    }
}
