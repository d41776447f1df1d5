# Bulk runs in a real PowerShell against the sandbox: overlapped calls, -Journal re-runs (also after the process was
# killed half-way), -Summary, and partitioning with ForEach-Object -Parallel.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    $null = Connect-SandboxWuKong $sandbox

    function Reset-Requests { Invoke-RestMethod -Method Delete -Uri "$($sandbox.wuKongIM)/_sandbox/requests" | Out-Null }
    function Get-SentTo {
        # channel_id of every /message/send the server processed, one entry per request.
        foreach ($r in @(Get-SandboxRequest $sandbox.wuKongIM '/message/send')) { ($r.body | ConvertFrom-Json).channel_id }
    }
    function New-Rows([string] $Prefix, [int] $Count) {
        1..$Count | ForEach-Object { [pscustomobject]@{ From = 'admin'; To = "$Prefix-$_"; Text = "notice $_ for $Prefix-$_" } }
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Overlapped sends' {
    BeforeEach { Reset-Requests }

    It 'sends distinct rows concurrently, each once, and every result names its row' {
        $rows = New-Rows 'par' 200
        $results = $rows | Send-ImMessage -ThrottleLimit 8 -PassThru

        $results.Count | Should -Be 200
        $results.Succeeded | Should -Not -Contain $false
        # Results come back as calls finish: compare as sets, each result carries its recipient.
        ($results.ChannelId | Sort-Object) | Should -Be ($rows.To | Sort-Object)
        $sent = @(Get-SentTo)
        $sent.Count | Should -Be 200
        @($sent | Group-Object | Where-Object Count -gt 1).Count | Should -Be 0
    }

    It 'refuses a throttle limit above the provider maximum, naming the parameter' {
        { New-Rows 'big' 1 | Send-ImMessage -ThrottleLimit 40 } | Should -Throw -ErrorId 'ImAdmin.InvalidArgument,ImAdmin.Cmdlets.Messages.SendImMessageCommand' -ExpectedMessage '*ThrottleLimit must be between 1 and 32*'
        @(Get-SentTo).Count | Should -Be 0
    }
}

Describe 'Send-ImMessage -Journal' {
    BeforeEach { Reset-Requests }

    It 're-running with the same journal skips the rows already sent, and -Summary says so' {
        $journal = Join-Path $TestDrive 'rerun.journal'
        $rows = New-Rows 'jr' 50
        $first = $rows | Send-ImMessage -Journal $journal -Summary
        $first.Sent | Should -Be 50
        $first.Journal | Should -Be $journal

        $more = @($rows) + @(New-Rows 'jr-new' 5)
        $second = $more | Send-ImMessage -Journal $journal -Summary
        $second.Skipped | Should -Be 50
        $second.Sent | Should -Be 5
        @(Get-SentTo).Count | Should -Be 55
        (Get-Content $journal -First 1) | Should -Be '# ImAdmin journal v1'
    }

    It 'identical rows are two rows: both are sent, and both are recognised on the re-run' {
        $journal = Join-Path $TestDrive 'twins.journal'
        $twins = @([pscustomobject]@{ To = 'twin'; Text = 'same' }, [pscustomobject]@{ To = 'twin'; Text = 'same' })
        ($twins | Send-ImMessage -From admin -Journal $journal -Summary).Sent | Should -Be 2
        ($twins | Send-ImMessage -From admin -Journal $journal -Summary).Skipped | Should -Be 2
    }

    It 'a second run cannot write a journal that is in use' {
        $journal = Join-Path $TestDrive 'busy.journal'
        $lock = [IO.File]::Open($journal, 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            { New-Rows 'busy' 1 | Send-ImMessage -Journal $journal } | Should -Throw -ExpectedMessage "*its own journal file*"
        }
        finally { $lock.Dispose() }
    }

    It 'after the process is killed half-way, the re-run sends every message exactly once and reports rows in flight as unknown' {
        $journal = Join-Path $TestDrive 'killed.journal'
        $csv = Join-Path $TestDrive 'killed.csv'
        New-Rows 'kill' 300 | Export-Csv $csv -NoTypeInformation
        # Each send is stored, then answered 150 ms later: the run is slow enough to be killed in the middle.
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/message/send'; Status = 200; AfterProcessing = $true; DelayMs = 150; Times = 100000
            Body = '{"status":200,"data":{"message_id":1,"client_msg_no":"x"}}' }
        $script = Join-Path $TestDrive 'send.ps1'
        Set-Content $script @'
param($module, $uri, $token, $csv, $journal)
Import-Module $module
Connect-ImServer -Provider WuKongIM -Uri $uri -Token (ConvertTo-SecureString $token -AsPlainText -Force) | Out-Null
Import-Csv $csv | Send-ImMessage -Journal $journal -ThrottleLimit 4
'@
        $command = @(Get-PowerShellCommand)
        $arguments = @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script,
            (Join-Path $PSScriptRoot '../../ImAdmin.psd1'), $sandbox.wuKongIM, $sandbox.wuKongToken, $csv, $journal)
        $child = Start-Process -FilePath $command[0] -ArgumentList $arguments -PassThru
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (-not (Test-Path $journal) -or @(Select-String -Path $journal -Pattern '^S ' -ErrorAction SilentlyContinue).Count -lt 40) {
                if ($child.HasExited) { throw "The run ended before it could be killed (exit $($child.ExitCode))." }
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The run did not get going within 120 s.' }
                Start-Sleep -Milliseconds 50
            }
            $child.Kill()
            $child.WaitForExit(10000) | Out-Null
        }
        finally { if (-not $child.HasExited) { $child.Kill() } }
        Invoke-RestMethod -Method Delete -Uri "$($sandbox.wuKongIM)/_sandbox/faults" | Out-Null
        $beforeRerun = @(Get-SentTo).Count
        $beforeRerun | Should -BeLessThan 300

        $summary = Import-Csv $csv | Send-ImMessage -Journal $journal -ErrorVariable unknown -ErrorAction SilentlyContinue -Summary -WarningAction SilentlyContinue

        $sent = @(Get-SentTo)
        # Never twice: rows whose answer the kill cut off are not sent again.
        @($sent | Group-Object | Where-Object Count -gt 1).Count | Should -Be 0
        $summary.Skipped + $summary.Unknown + $summary.Sent | Should -Be 300
        $summary.Unknown | Should -BeLessOrEqual 4
        @($unknown).Count | Should -Be $summary.Unknown
        $unknown | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SendOutcomeUnknown*' }
        # Every row is on the server exactly once, except an unknown row that was journalled but killed before its call left.
        $missing = @($csv | ForEach-Object { Import-Csv $_ } | Where-Object { $_.To -notin $sent })
        $missing.Count | Should -BeLessOrEqual $summary.Unknown
        $missing | ForEach-Object { $_.To | Should -BeIn @($unknown.TargetObject.To) }
    }
}

Describe 'Partitioning with ForEach-Object -Parallel' {
    BeforeEach { Reset-Requests }

    It 'each runspace has its own session and journal, shares nothing, and together they send every row once' {
        $csv = Join-Path $TestDrive 'big.csv'
        New-Rows 'part' 400 | Export-Csv $csv -NoTypeInformation
        $module = (Resolve-Path (Join-Path $PSScriptRoot '../../ImAdmin.psd1')).Path
        $rows = Import-Csv $csv
        $partitions = 0..3 | ForEach-Object { $p = $_; , @($rows | Where-Object { [int]($_.To -replace '\D') % 4 -eq $p }) }

        $summaries = 0..3 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            $s = Connect-ImServer -Provider WuKongIM -Uri ($using:sandbox).wuKongIM -Token (ConvertTo-SecureString ($using:sandbox).wuKongToken -AsPlainText -Force) -PassThru
            ($using:partitions)[$_] | Send-ImMessage -Session $s -Journal (Join-Path $using:TestDrive "part-$_.journal") -Summary
            Disconnect-ImServer $s
        }

        ($summaries | Measure-Object Sent -Sum).Sum | Should -Be 400
        $sent = @(Get-SentTo)
        $sent.Count | Should -Be 400
        @($sent | Group-Object | Where-Object Count -gt 1).Count | Should -Be 0
        0..3 | ForEach-Object { Join-Path $TestDrive "part-$_.journal" | Should -Exist }
    }
}
