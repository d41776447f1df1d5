# Send-ImMessage in a real PowerShell against the sandbox: CSV binding, batching, -WhatIf, per-row errors.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed
    $script:csv = Join-Path $TestDrive 'recipients.csv'

    function Write-Csv([object[]] $Rows) { $Rows | Export-Csv -Path $script:csv -NoTypeInformation; $script:csv }
    function Get-Bodies([string] $BaseUri, [string] $Path) { @(Get-SandboxRequest $BaseUri $Path | ForEach-Object { $_.body | ConvertFrom-Json }) }
    function Reset-Journal([string] $BaseUri) { Invoke-RestMethod -Method Delete -Uri "$BaseUri/_sandbox/requests" | Out-Null }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Send-ImMessage on WuKongIM' {
    BeforeAll { $null = Connect-SandboxWuKong $sandbox }
    BeforeEach { Reset-Journal $sandbox.wuKongIM }

    It 'sends CSV rows that share sender and text in ONE sendbatch call, with the red dot on' {
        $file = Write-Csv @(
            [pscustomobject]@{ To = 'csv-a'; Name = 'A' }, [pscustomobject]@{ To = 'csv-b'; Name = 'B' },
            [pscustomobject]@{ To = 'csv-c'; Name = 'C' }, [pscustomobject]@{ To = 'csv-d'; Name = 'D' })
        $results = Import-Csv $file | Send-ImMessage -From admin -Text 'hello all' -PassThru

        $results.Count | Should -Be 4
        $results.Succeeded | Should -Not -Contain $false
        $results.ChannelId | Should -Be @('csv-a', 'csv-b', 'csv-c', 'csv-d')
        $batches = Get-Bodies $sandbox.wuKongIM '/message/sendbatch'
        $batches.Count | Should -Be 1
        $batches[0].subscribers | Should -Be @('csv-a', 'csv-b', 'csv-c', 'csv-d')
        $batches[0].header.red_dot | Should -Be 1
        @(Get-SandboxRequest $sandbox.wuKongIM '/message/send').Count | Should -Be 0
    }

    It 'binds sender, recipient and text per row from the CSV aliases and groups by content' {
        $file = Write-Csv @(
            [pscustomobject]@{ To_Account = 'row-1'; From_Account = 'ops'; Message = 'one' },
            [pscustomobject]@{ To_Account = 'row-2'; From_Account = 'ops'; Message = 'two' },
            [pscustomobject]@{ To_Account = 'row-3'; From_Account = 'ops'; Message = 'one' })
        $results = Import-Csv $file | Send-ImMessage -PassThru
        $results.Succeeded | Should -Not -Contain $false
        $batches = Get-Bodies $sandbox.wuKongIM '/message/sendbatch'
        $batches.Count | Should -Be 1
        $batches[0].subscribers | Should -Be @('row-1', 'row-3')
        # A lone row goes through /message/send: it returns a message id and is safe to retry.
        (Get-Bodies $sandbox.wuKongIM '/message/send').channel_id | Should -Be 'row-2'
    }

    It 'confirms each row with its own sender and text, however the rows repeat them' {
        $file = Write-Csv @(
            [pscustomobject]@{ Uid = 'v-1'; From = 'ops'; Text = 'one' }, [pscustomobject]@{ Uid = 'v-2'; From = 'ops'; Text = 'one' },
            [pscustomobject]@{ Uid = 'v-3'; From = 'hr'; Text = 'one' }, [pscustomobject]@{ Uid = 'v-4'; From = 'hr'; Text = 'two' })
        $confirmed = Import-Csv $file | Send-ImMessage -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Performing*' }
        $confirmed.Message | Should -Be @(
            'Performing the operation "Send ''one'' from ops" on target "Person v-1".'
            'Performing the operation "Send ''one'' from ops" on target "Person v-2".'
            'Performing the operation "Send ''one'' from hr" on target "Person v-3".'
            'Performing the operation "Send ''two'' from hr" on target "Person v-4".')
        # One -Text for every row (one content object), the sender still from each row.
        $confirmed = Import-Csv $file | Send-ImMessage -Text 'same' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Performing*' }
        $confirmed.Message | Should -Be @(
            'Performing the operation "Send ''same'' from ops" on target "Person v-1".'
            'Performing the operation "Send ''same'' from ops" on target "Person v-2".'
            'Performing the operation "Send ''same'' from hr" on target "Person v-3".'
            'Performing the operation "Send ''same'' from hr" on target "Person v-4".')
    }

    It 'cuts same-text rows into sendbatch calls of 100 recipients' {
        $results = 1..150 | ForEach-Object { "many-$_" } | Send-ImMessage -From admin -Text 'to many' -PassThru
        $results.Succeeded | Should -Not -Contain $false
        $batches = Get-Bodies $sandbox.wuKongIM '/message/sendbatch'
        # The two calls run concurrently, so the server may see the 50 before the 100.
        ($batches | ForEach-Object { $_.subscribers.Count } | Sort-Object -Descending) | Should -Be @(100, 50)
        ($batches.subscribers | Sort-Object { [int]($_ -replace 'many-') }) | Should -Be (1..150 | ForEach-Object { "many-$_" })
    }

    It 'sends group messages one call each and returns their message ids' {
        $results = Send-ImMessage -ChannelId grp-1, grp-2 -ChannelType Group -From admin -Text 'to groups' -NoRedDot -PassThru
        $results.MessageId | ForEach-Object { $_ | Should -BeGreaterThan 0 }
        $sends = Get-Bodies $sandbox.wuKongIM '/message/send'
        $sends.Count | Should -Be 2
        $sends.header.red_dot | Should -Be @(0, 0)
        $sends.channel_type | Should -Be @(2, 2)
    }

    It 'sends nothing with -WhatIf' {
        'w-1', 'w-2' | Send-ImMessage -From admin -Text 'preview' -WhatIf
        @(Get-SandboxRequest $sandbox.wuKongIM).Count | Should -Be 0
    }

    It 'reports a failed row as a non-terminating error whose TargetObject is the row, and sends the rest' {
        $file = Write-Csv @([pscustomobject]@{ UserId = 'ok-1' }, [pscustomobject]@{ UserId = 'bad@id' }, [pscustomobject]@{ UserId = 'ok-2' })
        $results = Import-Csv $file | Send-ImMessage -From admin -Text 'partial' -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned 3>$null
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.UserId | Should -Be 'bad@id'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SendFailed*'
        ($results | Where-Object Succeeded).ChannelId | Should -Be @('ok-1', 'ok-2')
        # -PassThru writes the failed row too: the same columns, and the text of its error record.
        $notSent = @($results | Where-Object { -not $_.Succeeded })
        $notSent.Count | Should -Be 1
        $notSent[0] | Should -BeOfType ([ImAdmin.Engine.Models.ImSendResult])
        ($notSent[0].ChannelId, $notSent[0].From, $notSent[0].Provider, $notSent[0].OutcomeUnknown) | Should -Be @('bad@id', 'admin', 'WuKongIM', $false)
        $notSent[0].Error | Should -Match ([regex]::Escape('频道ID不合法！'))
        $notSent[0].Error | Should -Be $failed[0].Exception.Message
        $warned[0].Message | Should -Match '1 of 3'
    }

    It 'a whole-batch failure gives one error per row that names its recipient, and the warning counts by reason' {
        Add-SandboxFault -BaseUri $sandbox.wuKongIM -Fault @{ path = '/message/sendbatch'; status = 400; body = '{"msg":"batch refused","status":400}' }
        $file = Write-Csv @([pscustomobject]@{ UserId = 'r-1' }, [pscustomobject]@{ UserId = 'r-2' }, [pscustomobject]@{ UserId = ' ' })
        Import-Csv $file | Send-ImMessage -From admin -Text 'batch' -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned 3>$null
        $failed.Count | Should -Be 3
        $failed[0].Exception.Message | Should -Match '^Row 3: '
        $failed[1].Exception.Message | Should -Match '^r-1: .*batch refused'
        $failed[2].Exception.Message | Should -Match '^r-2: .*batch refused'
        $failed[1].Exception.ServerCode | Should -Be 400
        $failed[1].TargetObject.UserId | Should -Be 'r-1'
        $warned[0].Message | Should -Match '^3 of 3 message\(s\) were not sent \(2 × WuKongIM error 400 "batch refused"; 1 × invalid input\)'
    }

    It 'stops with one terminating error when the server rejects the credentials, reporting the unsent rows' {
        $bad = Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Token (ConvertTo-TestSecret 'wrong') -SkipValidation -Name bad -PassThru
        try {
            $err = { 'x-1', 'x-2' | Send-ImMessage -From admin -Text 'nope' -Session $bad -ErrorAction SilentlyContinue -ErrorVariable script:rows } |
                Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SendStopped*'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            ($script:rows | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'ImAdmin.SendFailed*' }).TargetObject | Should -Be @('x-1', 'x-2')
        } finally {
            Disconnect-ImServer -Session $bad
            $null = Connect-SandboxWuKong $sandbox # the bad session had become the default
        }
    }

    It 'shows each HTTP call in the verbose stream, without the token' {
        $verbose = Send-ImMessage -ChannelId v-1 -From admin -Text 'verbose' -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'POST /message/send(batch)? -> 200'
        $verbose | Should -Not -Match ([regex]::Escape($sandbox.wuKongToken))
    }

    It 'logs calls and bodies as $VerbosePreference and $DebugPreference ask, and builds no debug text without them' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $both = Send-ImMessage -ChannelId v-2 -From admin -Text 'by preference' 4>&1 5>&1 | Out-String
        $both | Should -Match 'POST /message/send(batch)? -> 200'
        $both | Should -Match 'request body: .*"channel_id":"v-2"'
        $DebugPreference = 'SilentlyContinue'
        $verboseOnly = Send-ImMessage -ChannelId v-3 -From admin -Text 'verbose only' 4>&1 5>&1 | Out-String
        $verboseOnly | Should -Match 'POST /message/send(batch)? -> 200'
        $verboseOnly | Should -Not -Match 'request body'
        $debugOnly = Send-ImMessage -ChannelId v-4 -From admin -Text 'debug only' -Verbose:$false -Debug 4>&1 5>&1 | Out-String
        $debugOnly | Should -Match 'request body: .*"channel_id":"v-4"'
    }
}
