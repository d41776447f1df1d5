# -Journal, -ThrottleLimit and -Summary on New-ImUser and Add-ImChannelSubscriber, in a real PowerShell against the
# sandbox: a re-run skips the rows done, and a row whose answer was lost is reported and not sent again.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    # No retries: a call whose answer is lost stays unknown instead of being repeated by the retry handler.
    $script:tc = Connect-ImServer -SdkAppId $sandbox.tencentSdkAppId -Uri $sandbox.tencent -Identifier $sandbox.tencentIdentifier `
        -SecretKey (ConvertTo-TestSecret $sandbox.tencentSecretKey) -Name tcbulk -MaxRetries 0 -PassThru
    $script:wk = Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Token (ConvertTo-TestSecret $sandbox.wuKongToken) -Name wkbulk -MaxRetries 0 -PassThru

    function Get-Body([string] $BaseUri, [string] $Path) {
        foreach ($r in @(Get-SandboxRequest $BaseUri $Path)) { $r.body }
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'New-ImUser -Journal' {
    It 're-running with the same journal skips the users already created' {
        $journal = Join-Path $TestDrive 'users.journal'
        $rows = 1..30 | ForEach-Object { [pscustomobject]@{ UserId = "ju-$_"; DisplayName = "User $_" } }
        $first = $rows | New-ImUser -Session $tc -Journal $journal -ThrottleLimit 4 -Summary
        $first.Sent | Should -Be 30
        $before = @(Get-Body $sandbox.tencent '/v4/im_open_login_svc/account_import').Count

        $more = @($rows) + @([pscustomobject]@{ UserId = 'ju-new'; DisplayName = 'New' }, [pscustomobject]@{ UserId = 'ju-1'; DisplayName = 'Renamed' })
        $second = $more | New-ImUser -Session $tc -Journal $journal -Summary

        $second.Skipped | Should -Be 30
        # A new user, and a known user with another name, are new rows.
        $second.Sent | Should -Be 2
        $bodies = @(Get-Body $sandbox.tencent '/v4/im_open_login_svc/account_import' | Select-Object -Skip $before)
        $bodies.Count | Should -Be 2
        ($bodies | ConvertFrom-Json).UserID | Sort-Object | Should -Be @('ju-1', 'ju-new')
        (Get-ImUser -UserId ju-1 -Session $tc).DisplayName | Should -Be 'Renamed'
    }

    It 'a user whose answer was lost is unknown, and the re-run reports it instead of sending it again' {
        $journal = Join-Path $TestDrive 'lost.journal'
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ UserId = "lost-$_"; DisplayName = "Lost $_" } }
        Add-SandboxFault $sandbox.tencent @{ Path = '/v4/im_open_login_svc/account_import'; AfterProcessing = $true; Reset = $true; Times = 1 }
        $first = $rows | New-ImUser -Session $tc -Journal $journal -ThrottleLimit 1 -Summary -ErrorAction SilentlyContinue -ErrorVariable lost -WarningAction SilentlyContinue
        $first.Unknown | Should -Be 1
        $first.Sent | Should -Be 2
        $lostUser = $lost[0].TargetObject.UserId
        $before = @(Get-Body $sandbox.tencent '/v4/im_open_login_svc/account_import').Count

        $second = $rows | New-ImUser -Session $tc -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable reported -WarningAction SilentlyContinue

        $second.Skipped | Should -Be 2
        $second.Unknown | Should -Be 1
        $second.Sent | Should -Be 0
        @($reported).Count | Should -Be 1
        $reported[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.UserOutcomeUnknown*'
        $reported[0].TargetObject.UserId | Should -Be $lostUser
        @(Get-Body $sandbox.tencent '/v4/im_open_login_svc/account_import').Count | Should -Be $before
    }
}

Describe 'Add-ImChannelSubscriber -Journal' {
    BeforeAll {
        New-ImChannel -ChannelId jgroup -ChannelType Group -Session $wk
    }

    It 're-running with the same journal skips the users already subscribed' {
        $journal = Join-Path $TestDrive 'subs.journal'
        $rows = 1..20 | ForEach-Object { [pscustomobject]@{ ChannelId = 'jgroup'; ChannelType = 'Group'; UserId = "js-$_" } }
        ($rows | Add-ImChannelSubscriber -Session $wk -Journal $journal -Summary).Sent | Should -Be 20
        $before = @(Get-Body $sandbox.wuKongIM '/channel/subscriber_add').Count

        $second = (@($rows) + @([pscustomobject]@{ ChannelId = 'jgroup'; ChannelType = 'Group'; UserId = 'js-new' })) |
            Add-ImChannelSubscriber -Session $wk -Journal $journal -Summary

        $second.Skipped | Should -Be 20
        $second.Sent | Should -Be 1
        $bodies = @(Get-Body $sandbox.wuKongIM '/channel/subscriber_add' | Select-Object -Skip $before)
        $bodies.Count | Should -Be 1
        ($bodies[0] | ConvertFrom-Json).subscribers | Should -Be @('js-new')
        @(Get-ImChannelSubscriber -ChannelId jgroup -ChannelType Group -Session $wk).Count | Should -Be 21
    }

    It 'users whose answer was lost are unknown, and the re-run reports them instead of sending them again' {
        $journal = Join-Path $TestDrive 'subs-lost.journal'
        $rows = @([pscustomobject]@{ ChannelId = 'jgroup'; ChannelType = 'Group'; UserId = 'jl-1' }, [pscustomobject]@{ ChannelId = 'jgroup'; ChannelType = 'Group'; UserId = 'jl-2' })
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/channel/subscriber_add'; AfterProcessing = $true; Reset = $true; Times = 1 }
        $first = $rows | Add-ImChannelSubscriber -Session $wk -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable lost -WarningAction SilentlyContinue
        # Both rows went in one call: both are unknown.
        $first.Unknown | Should -Be 2
        @($lost).Count | Should -Be 2
        $before = @(Get-Body $sandbox.wuKongIM '/channel/subscriber_add').Count

        $second = $rows | Add-ImChannelSubscriber -Session $wk -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable reported -WarningAction SilentlyContinue

        $second.Unknown | Should -Be 2
        $second.Sent | Should -Be 0
        $reported | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.MemberOutcomeUnknown*' }
        @($reported.TargetObject.UserId | Sort-Object) | Should -Be @('jl-1', 'jl-2')
        @(Get-Body $sandbox.wuKongIM '/channel/subscriber_add').Count | Should -Be $before
    }

    It 'sends the calls of many channels concurrently, each user once' {
        1..6 | ForEach-Object { New-ImChannel -ChannelId "jc-$_" -ChannelType Group -Session $wk }
        $rows = foreach ($c in 1..6) { foreach ($u in 1..5) { [pscustomobject]@{ ChannelId = "jc-$c"; ChannelType = 'Group'; UserId = "u$u" } } }
        $members = $rows | Add-ImChannelSubscriber -Session $wk -ThrottleLimit 4 -PassThru
        $members.Count | Should -Be 30
        1..6 | ForEach-Object { @(Get-ImChannelSubscriber -ChannelId "jc-$_" -ChannelType Group -Session $wk).Count | Should -Be 5 }
    }
}
