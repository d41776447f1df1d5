# Migration between servers in a real PowerShell: history rows of one sandbox server piped into Import-ImMessage on the
# Tencent sandbox keep their direction, users move with Get-ImUser | New-ImUser, and examples/Move-ImConversation.ps1
# moves 10,000 messages with -Journal, killed half-way and run again, every message exactly once.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    # Two sandboxes: one is the old server (WuKongIM, WildfireChat), the other the new one (Tencent Cloud IM).
    $script:old = Start-ImSandbox
    $script:new = Start-ImSandbox
    $script:wk = Connect-SandboxWuKong $old -Name oldwk
    $script:wf = Connect-SandboxWildfire $old -Name oldwf
    $script:tc = Connect-SandboxTencent $new -Name newtc

    function Get-Imported([string] $From, [string] $To) {
        # The target's stored conversation, read back from one side.
        Get-ImMessage -Session $tc -UserId $From -ChannelId $To -ChannelType Person -StartTime ([DateTimeOffset]::UtcNow.AddDays(-1)) -PageSize 1000
    }
    function Get-PayloadText([object] $Message) { [Text.Encoding]::UTF8.GetString($Message.Payload) }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:old
    Stop-ImSandbox $script:new
}

Describe 'Get-ImUser | New-ImUser -Session' {
    It 'creates the users of one server on another with their display names' {
        New-ImUser -UserId mig-ann, mig-ben -DisplayName 'Moved' -Session $wf
        $created = Get-ImUser -UserId mig-ann, mig-ben -Session $wf | New-ImUser -Session $tc -PassThru
        $created.UserId | Sort-Object | Should -Be @('mig-ann', 'mig-ben')
        (Get-ImUser -UserId mig-ann, mig-ben -Session $tc).DisplayName | Should -Be @('Moved', 'Moved')
    }
}

Describe 'Get-ImMessage | Import-ImMessage -Session' {
    It 'binds history rows (Text and Payload) and keeps who sent each message to whom' {
        New-ImUser -UserId dir-a, dir-b -Session $tc
        Send-ImMessage -Session $wk -From dir-a -ChannelId dir-b -Text 'from a'
        Send-ImMessage -Session $wk -From dir-b -ChannelId dir-a -Text 'from b'
        $history = @(Get-ImMessage -Session $wk -UserId dir-a -ChannelId dir-b -ChannelType Person -Direction Newer)
        $history.Count | Should -Be 2
        ($history | Where-Object Text -eq 'from b').From | Should -Be 'dir-b'
        ($history | Where-Object Text -eq 'from b').ChannelId | Should -Be 'dir-a'

        $results = $history | Import-ImMessage -Session $tc -PassThru
        @($results | Where-Object Succeeded).Count | Should -Be 2

        $imported = @(Get-Imported dir-a dir-b)
        $imported.Count | Should -Be 2
        $fromB = $imported | Where-Object { (Get-PayloadText $_) -match 'from b' }
        $fromB.From | Should -Be 'dir-b'
        $fromB.ChannelId | Should -Be 'dir-a'
        # The payload is imported as stored (a WuKongIM payload becomes a TIMCustomElem's Data), not re-typed from Text.
        Get-PayloadText $fromB | Should -Match 'TIMCustomElem'
    }

    It 'keeps the direction of Tencent history rows too' {
        New-ImUser -UserId tdir-a, tdir-b -Session $tc
        Import-ImMessage -Session $tc -From tdir-b -ChannelId tdir-a -Text 'b wrote' -Timestamp ([DateTimeOffset]::UtcNow.AddHours(-1))
        $row = Get-Imported tdir-a tdir-b
        $row.From | Should -Be 'tdir-b'
        $row.ChannelId | Should -Be 'tdir-a'
    }
}

Describe 'examples/Move-ImConversation.ps1' {
    It 'moves 10,000 messages with -Journal, killed half-way and run again: each exactly once in the target' {
        $count = 10000
        New-ImUser -UserId mv-a, mv-b -Session $tc
        # Alternate directions, distinct texts.
        1..$count | ForEach-Object {
            if ($_ % 2) { [pscustomobject]@{ From = 'mv-a'; To = 'mv-b'; Text = "move $_" } } else { [pscustomobject]@{ From = 'mv-b'; To = 'mv-a'; Text = "move $_" } }
        } | Send-ImMessage -Session $wk -ThrottleLimit 8
        $journal = Join-Path $TestDrive 'move.journal'
        $script = Join-Path $TestDrive 'move.ps1'
        Set-Content $script @'
param($module, $example, $old, $new, $journal)
Import-Module $module
$from = Connect-ImServer -Provider WuKongIM -Uri $old.wuKongIM -Token (ConvertTo-SecureString $old.wuKongToken -AsPlainText -Force) -PassThru
$to = Connect-ImServer -SdkAppId $new.tencentSdkAppId -Uri $new.tencent -Identifier $new.tencentIdentifier -SecretKey (ConvertTo-SecureString $new.tencentSecretKey -AsPlainText -Force) -PassThru
& $example -Source $from -Target $to -UserId mv-a -PeerId mv-b -Journal $journal
'@
        $info = Join-Path $TestDrive 'servers.json'
        @{ old = $old | Select-Object wuKongIM, wuKongToken; new = $new | Select-Object tencent, tencentSdkAppId, tencentIdentifier, tencentSecretKey } | ConvertTo-Json | Set-Content $info
        $command = @(Get-PowerShellCommand)
        $launcher = "`$s = Get-Content '$info' -Raw | ConvertFrom-Json; & '$script' '$(Join-Path $PSScriptRoot '../../ImAdmin.psd1')' '$(Join-Path $PSScriptRoot '../../examples/Move-ImConversation.ps1')' `$s.old `$s.new '$journal'"
        $child = Start-Process -FilePath $command[0] -ArgumentList (@($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $launcher)) -PassThru
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(300)
            while (-not (Test-Path $journal) -or @(Select-String -Path $journal -Pattern '^S ' -ErrorAction SilentlyContinue).Count -lt $count / 2) {
                if ($child.HasExited) { throw "The move ended before it could be killed (exit $($child.ExitCode))." }
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The move did not get half-way within 300 s.' }
                Start-Sleep -Milliseconds 200
            }
            $child.Kill()
            $child.WaitForExit(10000) | Out-Null
        }
        finally { if (-not $child.HasExited) { $child.Kill() } }
        $halfway = @(Get-Imported mv-a mv-b).Count
        $halfway | Should -BeLessThan $count

        $summary = & (Join-Path $PSScriptRoot '../../examples/Move-ImConversation.ps1') -Source $wk -Target $tc -UserId mv-a -PeerId mv-b -Journal $journal

        # Tencent Cloud IM recognises a repeated import, so rows whose answer the kill cut off are imported again.
        $summary.Skipped | Should -BeGreaterOrEqual ($count / 2)
        $summary.Skipped + $summary.Sent | Should -Be $count
        $summary.Unknown + $summary.Failed | Should -Be 0
        $stored = @(Get-Imported mv-a mv-b)
        $stored.Count | Should -Be $count
        @($stored | ForEach-Object { Get-PayloadText $_ } | Sort-Object -Unique).Count | Should -Be $count
        # Direction kept: odd numbers went from a to b.
        $sample = $stored | Where-Object { (Get-PayloadText $_) -match '\bmove 7\b' }
        $sample.From | Should -Be 'mv-a'
        $sample.ChannelId | Should -Be 'mv-b'
    }
}
