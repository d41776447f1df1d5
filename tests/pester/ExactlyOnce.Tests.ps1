# Exactly once under faults, in a real PowerShell: unknown outcomes are said as unknown and kept apart, bad rows are
# refused instead of sent, and no transient server error ends a bulk run.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    $script:csv = Join-Path $TestDrive 'rows.csv'

    function Write-Csv([object[]] $Rows) { $Rows | Export-Csv -Path $script:csv -NoTypeInformation -Encoding utf8; $script:csv }
    function Get-Bodies([string] $BaseUri, [string] $Path) { @(Get-SandboxRequest $BaseUri $Path | ForEach-Object { $_.body | ConvertFrom-Json }) }
    function Reset-Journal([string] $BaseUri) { Invoke-RestMethod -Method Delete -Uri "$BaseUri/_sandbox/requests" | Out-Null }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Bad rows are refused, not sent' {
    BeforeAll { $script:wk = Connect-SandboxWuKong $sandbox }
    BeforeEach { Reset-Journal $sandbox.wuKongIM }

    It 'refuses a CSV ChannelType of <_>, naming the column, and sends the valid rows' -ForEach @('Gruop', '99', '0', '-1') {
        $file = Write-Csv @(
            [pscustomobject]@{ To = 'ok-row'; ChannelType = 'Group' },
            [pscustomobject]@{ To = 'bad-row'; ChannelType = $_ })
        $results = Import-Csv $file | Send-ImMessage -From admin -Text 'typed' -Session $wk -PassThru -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null

        $bad.Count | Should -Be 1
        $bad[0].TargetObject.To | Should -Be 'bad-row'
        $bad[0].Exception.ParameterName | Should -Be 'ChannelType'
        $bad[0].Exception.Message | Should -Match "ChannelType column is '$_'"
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.InvalidArgument*'
        @($results).ChannelId | Should -Be @('ok-row')
        $sends = Get-Bodies $sandbox.wuKongIM '/message/send'
        $sends.channel_id | Should -Be @('ok-row')
        $sends[0].channel_type | Should -Be 2
    }

    It 'refuses a blank -From and sends nothing' {
        Send-ImMessage -ChannelId u-1, u-2 -From ' ' -Text 'who?' -Session $wk -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null
        $bad.Count | Should -Be 1
        $bad[0].Exception.ParameterName | Should -Be 'From'
        $bad[0].Exception.Message | Should -Match 'blank'
        @(Get-SandboxRequest $sandbox.wuKongIM).Count | Should -Be 0
    }

    It 'refuses a lone surrogate in <Parameter>, naming it, and sends nothing' -ForEach @(
        @{ Parameter = 'ChannelId'; Splat = @{ ChannelId = "user-$([char]0xD800)"; Text = 'hi' } },
        @{ Parameter = 'From'; Splat = @{ ChannelId = 'user-1'; From = "adm$([char]0xDC00)in"; Text = 'hi' } },
        @{ Parameter = 'Text'; Splat = @{ ChannelId = 'user-1'; Text = "broken $([char]0xD83D) text" } }) {
        Send-ImMessage @Splat -Session $wk -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null
        $bad.Count | Should -Be 1
        $bad[0].Exception.ParameterName | Should -Be $Parameter
        $bad[0].Exception.Message | Should -Match 'lone UTF-16 surrogate'
        @(Get-SandboxRequest $sandbox.wuKongIM).Count | Should -Be 0
    }

    It 'keeps a well-formed surrogate pair (an emoji)' {
        $result = Send-ImMessage -ChannelId 'emoji-user' -From admin -Text "party $([char]::ConvertFromUtf32(0x1F389))" -Session $wk -PassThru
        $result.Succeeded | Should -BeTrue
    }

    It 'reports a 404 for a channel id with / as what happened, not as a missing endpoint' {
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/send'; Status = 404; Body = '404 page not found'; ContentType = 'text/plain' }
        Send-ImMessage -ChannelId 'team/ops' -ChannelType Group -Text 'x' -Session $wk -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -Match "channel 'team/ops'"
        $bad[0].Exception.Message | Should -Not -Match 'no .* endpoint'
        $bad[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Unknown outcomes on WuKongIM' {
    BeforeAll { $script:wk = Connect-SandboxWuKong $sandbox }
    BeforeEach { Reset-Journal $sandbox.wuKongIM }

    It 'says a send that failed with HTTP 500 has an unknown outcome, keeps it apart, and does not send it again' {
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/send'; Status = 500 }
        $result = Send-ImMessage -ChannelId 'grp-unknown' -ChannelType Group -Text 'maybe' -Session $wk -PassThru -ErrorVariable bad -ErrorAction SilentlyContinue -WarningVariable warned 3>$null

        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SendOutcomeUnknown*'
        $bad[0].Exception.OutcomeUnknown | Should -BeTrue
        $bad[0].Exception.Message | Should -Match 'The outcome is unknown'
        $bad[0].Exception.Message | Should -Match 'Get-ImMessage'
        $result.OutcomeUnknown | Should -BeTrue
        $result.Succeeded | Should -BeFalse
        ($warned.Message -join ' ') | Should -Match 'unknown outcome'
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/send').Count | Should -Be 1
    }

    It 'counts a send whose answer was lost after it was stored as sent, found by its client_msg_no' {
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/send'; Status = 502; AfterProcessing = $true }
        $result = Send-ImMessage -ChannelId 'grp-settled' -ChannelType Group -Text 'stored' -Session $wk -PassThru
        $result.Succeeded | Should -BeTrue
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/send').Count | Should -Be 1
        (Get-ImMessageSequence -ChannelId 'grp-settled' -ChannelType Group -Session $wk).MessageSequence | Should -Be 1
    }

    It 'marks every row of a sendbatch whose connection was reset after processing as unknown, stored once' {
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/sendbatch'; Reset = $true; AfterProcessing = $true }
        'rb-1', 'rb-2', 'rb-3' | Send-ImMessage -From admin -Text 'batch' -Session $wk -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null
        $bad.Count | Should -Be 3
        $bad | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SendOutcomeUnknown*' }
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/sendbatch').Count | Should -Be 1
        (Get-ImMessageSequence -ChannelId 'rb-2' -ChannelType Person -UserId admin -Session $wk).MessageSequence | Should -Be 1
    }
}

Describe 'WuKongIM: an empty answer to a sendbatch' {
    BeforeAll { $script:wk = Connect-SandboxWuKong $sandbox -Name wkempty }
    BeforeEach { Reset-Journal $sandbox.wuKongIM }

    It 'marks every row of the call as unknown outcome (HTTP 200 without a body), not sent and not a crash' {
        # Stored by the server, then answered with status 200 and no body at all.
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/sendbatch'; Status = 200; Body = ''; AfterProcessing = $true }
        $results = 'eb-1', 'eb-2', 'eb-3' | Send-ImMessage -From admin -Text 'empty answer' -Session $wk -PassThru -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null
        $bad.Count | Should -Be 3
        $bad | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SendOutcomeUnknown*' }
        @($bad.TargetObject) | Should -Be @('eb-1', 'eb-2', 'eb-3')
        @($results | Where-Object Succeeded).Count | Should -Be 0
        @($results | Where-Object OutcomeUnknown).Count | Should -Be 3
        $bad[0].Exception.Message | Should -Not -BeLike '*current state of the object*'
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/sendbatch').Count | Should -Be 1
    }

    It 'settles a lone send answered without a body by looking it up, and finds it stored' {
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/send'; Status = 200; Body = ''; AfterProcessing = $true }
        $result = Send-ImMessage -ChannelId 'grp-empty' -ChannelType Group -Text 'stored' -Session $wk -PassThru
        $result.Succeeded | Should -BeTrue
        # The id comes from the lookup, the empty answer had none.
        $result.MessageId | Should -BeGreaterThan 0
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/byclientmsgno').Count | Should -BeGreaterThan 0
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/send').Count | Should -Be 1
        (Get-ImMessageSequence -ChannelId 'grp-empty' -ChannelType Group -Session $wk).MessageSequence | Should -Be 1
    }
}

Describe 'Tencent Cloud IM: one bad recipient fails only its row' {
    BeforeAll { $script:tc = Connect-SandboxTencent $sandbox }

    It 'sends the batch without the over-long id and reports that row alone' {
        $long = 'x' * 40
        $results = 'administrator', $long | Send-ImMessage -Text 'batch' -Session $tc -PassThru -ErrorVariable bad -ErrorAction SilentlyContinue 3>$null
        $bad.Count | Should -Be 1
        $bad[0].TargetObject | Should -Be $long
        $bad[0].Exception.ParameterName | Should -Be 'ChannelId'
        ($results | Where-Object Succeeded).ChannelId | Should -Be @('administrator')
    }
}

Describe 'WildfireChat: a transient HTTP 500 is a failure, not a missing edition, and the run goes on' {
    BeforeAll { $script:wf = Connect-SandboxWildfire $sandbox }

    It 'recalls the other messages after one recall fails with an empty HTTP 500' {
        $sent = 1..3 | ForEach-Object { Send-ImMessage -ChannelId admin -Text "recall $_" -Session $wf -PassThru }
        Add-SandboxFault $sandbox.wildfire @{ Path = '/admin/message/recall'; Status = 500; Times = 1 }
        $results = $sent | Revoke-ImMessage -Session $wf -PassThru -Confirm:$false -ErrorVariable bad -ErrorAction SilentlyContinue

        $bad.Count | Should -Be 1
        $bad[0].CategoryInfo.Category | Should -Not -Be 'NotImplemented'
        $bad[0].Exception.Message | Should -Not -Match 'professional edition'
        $bad[0].Exception.OutcomeUnknown | Should -BeTrue
        @($results).Count | Should -Be 2
    }
}
