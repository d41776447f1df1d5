# -ThrottleLimit, -Journal and -Summary on the cmdlets that make one call per row (Set-ImUserToken, Disconnect-ImDevice, Revoke-ImMessage, ...),
# in a real PowerShell against the sandbox: calls overlap, each error names its row, a re-run skips the rows done.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    # No retries: a call whose answer is lost stays unknown instead of being repeated by the retry handler.
    $script:wk = Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Token (ConvertTo-TestSecret $sandbox.wuKongToken) -Name wkrows -MaxRetries 0 -PassThru
    $script:tc = Connect-ImServer -SdkAppId $sandbox.tencentSdkAppId -Uri $sandbox.tencent -Identifier $sandbox.tencentIdentifier `
        -SecretKey (ConvertTo-TestSecret $sandbox.tencentSecretKey) -Name tcrows -MaxRetries 0 -PassThru

    function Get-TokenUids { foreach ($r in @(Get-SandboxRequest $sandbox.wuKongIM '/user/token')) { ($r.body | ConvertFrom-Json).uid } }
    function Get-KickedUsers { foreach ($r in @(Get-SandboxRequest $sandbox.tencent '/v4/im_open_login_svc/kick')) { ($r.body | ConvertFrom-Json).UserID } }
    function New-TokenRows([string] $Prefix, [int] $Count) {
        1..$Count | ForEach-Object { [pscustomobject]@{ Uid = "$Prefix-$_"; Token = (ConvertTo-TestSecret "t-$Prefix-$_") } }
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Set-ImUserToken -ThrottleLimit' {
    It 'answers later rows while an earlier call is still held, and counts the held row as unknown' {
        # The first /user/token call to arrive is held for two seconds, then its answer is lost.
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/user/token'; AfterProcessing = $true; Reset = $true; DelayMs = 2000; Times = 1 }
        $rows = New-TokenRows 'ov' 12
        $summary = $rows | Set-ImUserToken -Session $wk -ThrottleLimit 4 -Summary -ErrorAction SilentlyContinue -ErrorVariable lost -WarningAction SilentlyContinue

        $summary.Sent | Should -Be 11
        $summary.Unknown | Should -Be 1
        @($lost).Count | Should -Be 1
        $held = $lost[0].TargetObject.Uid
        $held | Should -BeIn $rows.Uid
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SetUserTokenFailed*'
        # The sandbox logs a request as it answers: one call at a time would have answered the held row first.
        $answered = @(Get-TokenUids | Where-Object { $_ -like 'ov-*' })
        $answered.Count | Should -Be 12
        [array]::IndexOf($answered, $held) | Should -BeGreaterThan 0
    }

    It 'writes each row once, every result names its row, and a refused row is the TargetObject of its error' {
        $rows = @(New-TokenRows 'pt' 20) + @([pscustomobject]@{ Uid = 'bad@uid'; Token = (ConvertTo-TestSecret 'x') })
        $devices = $rows | Set-ImUserToken -Session $wk -ThrottleLimit 8 -PassThru -ErrorAction SilentlyContinue -ErrorVariable refused -WarningAction SilentlyContinue

        @($devices).Count | Should -Be 20
        ($devices.UserId | Sort-Object) | Should -Be ($rows.Uid | Where-Object { $_ -ne 'bad@uid' } | Sort-Object)
        @($refused).Count | Should -Be 1
        $refused[0].TargetObject.Uid | Should -Be 'bad@uid'
        @(Get-TokenUids | Where-Object { $_ -like 'pt-*' }).Count | Should -Be 20
    }

    It 'refuses a throttle limit above the provider maximum, naming the parameter' {
        { New-TokenRows 'big' 1 | Set-ImUserToken -Session $wk -ThrottleLimit 40 } |
            Should -Throw -ErrorId 'ImAdmin.InvalidArgument,ImAdmin.Cmdlets.Users.SetImUserTokenCommand' -ExpectedMessage '*ThrottleLimit must be between 1 and 32*'
        Get-TokenUids | Should -Not -Contain 'big-1'
    }
}

Describe 'Set-ImUserToken -Journal' {
    It 're-running with the same journal skips the rows done and reports the unknown row instead of sending it again' {
        $journal = Join-Path $TestDrive 'tokens.journal'
        $rows = New-TokenRows 'jt' 10
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/user/token'; AfterProcessing = $true; Reset = $true; Times = 1 }
        $first = $rows | Set-ImUserToken -Session $wk -Journal $journal -ThrottleLimit 1 -Summary -ErrorAction SilentlyContinue -ErrorVariable lost -WarningAction SilentlyContinue
        $first.Sent | Should -Be 9
        $first.Unknown | Should -Be 1
        $first.Journal | Should -Be $journal
        $before = @(Get-TokenUids).Count

        $more = @($rows) + @(New-TokenRows 'jt-new' 2)
        $second = $more | Set-ImUserToken -Session $wk -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable reported -WarningAction SilentlyContinue

        $second.Skipped | Should -Be 9
        $second.Unknown | Should -Be 1
        $second.Sent | Should -Be 2
        @($reported).Count | Should -Be 1
        $reported[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.RowOutcomeUnknown*'
        $reported[0].TargetObject.Uid | Should -Be $lost[0].TargetObject.Uid
        @(Get-TokenUids | Select-Object -Skip $before) | Sort-Object | Should -Be @('jt-new-1', 'jt-new-2')
        # The token is never journalled.
        Get-Content $journal -Raw | Should -Not -Match 't-jt-'
    }
}

Describe 'Disconnect-ImDevice -ThrottleLimit -Journal -Summary on Tencent Cloud IM' {
    BeforeAll {
        1..15 | ForEach-Object { [pscustomobject]@{ UserId = "kick-$_" } } | New-ImUser -Session $tc
    }

    It 'kicks the rows four calls at a time, reports the refused row, and a re-run sends only the refused row again' {
        $journal = Join-Path $TestDrive 'kick.journal'
        $rows = @(1..15 | ForEach-Object { [pscustomobject]@{ Member_Account = "kick-$_" } }) + @([pscustomobject]@{ Member_Account = 'kick-ghost' })
        $first = $rows | Disconnect-ImDevice -Session $tc -ThrottleLimit 4 -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue

        $first.Sent | Should -Be 15
        $first.Failed | Should -Be 1
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.Member_Account | Should -Be 'kick-ghost'
        $failed[0].Exception.ServerCode | Should -Be 70107
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.DisconnectDeviceFailed*'
        $before = @(Get-KickedUsers).Count
        $before | Should -Be 16

        $second = $rows | Disconnect-ImDevice -Session $tc -Journal $journal -Summary -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $second.Skipped | Should -Be 15
        $second.Failed | Should -Be 1
        @(Get-KickedUsers | Select-Object -Skip $before) | Should -Be @('kick-ghost')
    }

    It 'sends nothing with -WhatIf' {
        $before = @(Get-KickedUsers).Count
        [pscustomobject]@{ Member_Account = 'kick-1' } | Disconnect-ImDevice -Session $tc -ThrottleLimit 2 -WhatIf
        @(Get-KickedUsers).Count | Should -Be $before
    }
}

Describe 'Clear-ImConversationUnread -ThrottleLimit -Journal -Summary on Tencent Cloud IM' {
    BeforeAll {
        @(1..10 | ForEach-Object { [pscustomobject]@{ UserId = "reader-$_" } }) + @([pscustomobject]@{ UserId = 'cpeer' }) | New-ImUser -Session $tc
        function Get-Readers { foreach ($r in @(Get-SandboxRequest $sandbox.tencent '/v4/openim/admin_set_msg_read')) { ($r.body | ConvertFrom-Json).Report_Account } }
    }

    It 'marks the rows read four calls at a time, reports the refused row with its row, and a re-run sends only that row again' {
        $journal = Join-Path $TestDrive 'read.journal'
        $rows = @(1..10 | ForEach-Object { [pscustomobject]@{ UserId = "reader-$_"; ChannelId = 'cpeer'; ChannelType = 'Person' } }) +
            @([pscustomobject]@{ UserId = 'reader-ghost'; ChannelId = 'cpeer'; ChannelType = 'Person' })
        $first = $rows | Clear-ImConversationUnread -Session $tc -ThrottleLimit 4 -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue

        $first.Sent | Should -Be 10
        $first.Failed | Should -Be 1
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.UserId | Should -Be 'reader-ghost'
        $failed[0].Exception.ServerCode | Should -Be 90008
        @(Get-Readers | Sort-Object -Unique).Count | Should -Be 11

        $before = @(Get-Readers).Count
        $second = $rows | Clear-ImConversationUnread -Session $tc -Journal $journal -Summary -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $second.Skipped | Should -Be 10
        $second.Failed | Should -Be 1
        @(Get-Readers | Select-Object -Skip $before) | Should -Be @('reader-ghost')
    }
}

Describe 'New-ImChannel -Journal on Tencent Cloud IM' {
    It 'a re-run with the same journal skips the groups created instead of failing on them, and creates the new ones' {
        $journal = Join-Path $TestDrive 'groups.journal'
        $rows = 1..8 | ForEach-Object { [pscustomobject]@{ ChannelId = "jg-$_"; ChannelType = 'Group'; Name = "Group $_" } }
        $first = $rows | New-ImChannel -Session $tc -ThrottleLimit 4 -Journal $journal -Summary
        $first.Sent | Should -Be 8

        $second = (@($rows) + @([pscustomobject]@{ ChannelId = 'jg-new'; ChannelType = 'Group'; Name = 'New' })) |
            New-ImChannel -Session $tc -Journal $journal -Summary -PassThru
        $summary = @($second | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] })
        $summary[0].Skipped | Should -Be 8
        $summary[0].Sent | Should -Be 1
        @($second | Where-Object { $_ -isnot [ImAdmin.Engine.Models.ImBulkSummary] }).ChannelId | Should -Be @('jg-new')

        # Without the journal the same rows fail as existing, each error naming its row.
        $rows | Select-Object -First 2 | New-ImChannel -Session $tc -ErrorAction SilentlyContinue -ErrorVariable exists -WarningAction SilentlyContinue
        @($exists).Count | Should -Be 2
        @($exists.TargetObject.ChannelId | Sort-Object) | Should -Be @('jg-1', 'jg-2')
        $exists | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.ChannelExists*' }
    }
}

Describe 'Revoke-ImMessage -ThrottleLimit -Journal -Summary on Tencent Cloud IM' {
    BeforeAll {
        function Get-WithdrawnKeys { foreach ($r in @(Get-SandboxRequest $sandbox.tencent '/v4/openim/admin_msgwithdraw')) { ($r.body | ConvertFrom-Json).MsgKey } }
    }

    It 'recalls a CSV of messages three calls at a time, the refused row is its error''s TargetObject, and a re-run acts only on that row' {
        $sent = 1..6 | ForEach-Object { Send-ImMessage -ChannelId administrator -Text "recall $_" -PassThru -Session $tc }
        $csv = @($sent | Select-Object MessageKey, From, ChannelId) + @([pscustomobject]@{ MessageKey = '1_2_3'; From = 'administrator'; ChannelId = 'administrator' })
        $rows = $csv | ConvertTo-Csv | ConvertFrom-Csv
        $journal = Join-Path $TestDrive 'recall.journal'
        $before = @(Get-WithdrawnKeys).Count

        $first = $rows | Revoke-ImMessage -Session $tc -ThrottleLimit 3 -Journal $journal -Summary -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        $first.Sent | Should -Be 6
        $first.Failed | Should -Be 1
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.MessageKey | Should -Be '1_2_3'
        $failed[0].Exception.ServerCode | Should -Be 20022
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.RevokeMessageFailed*'
        @(Get-WithdrawnKeys | Select-Object -Skip $before | Sort-Object) | Should -Be @(@($sent.MessageKey) + '1_2_3' | Sort-Object)
        $middle = @(Get-WithdrawnKeys).Count

        $second = $rows | Revoke-ImMessage -Session $tc -Journal $journal -Summary -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $second.Skipped | Should -Be 6
        $second.Failed | Should -Be 1
        @(Get-WithdrawnKeys | Select-Object -Skip $middle) | Should -Be @('1_2_3')
    }

    It 'writes each recalled message with -PassThru, named by its key, whatever order the calls finish in' {
        $sent = 1..4 | ForEach-Object { Send-ImMessage -ChannelId administrator -Text "passthru $_" -PassThru -Session $tc }
        $results = $sent | Revoke-ImMessage -Session $tc -ThrottleLimit 4 -PassThru -Confirm:$false
        @($results.MessageKey | Sort-Object) | Should -Be @($sent.MessageKey | Sort-Object)
    }
}

Describe 'Get-ImUnreadCount -ThrottleLimit -Summary on Tencent Cloud IM' {
    BeforeAll {
        1..8 | ForEach-Object { [pscustomobject]@{ UserId = "unread-$_" } } | New-ImUser -Session $tc
    }

    It 'reads the rows three calls at a time, each count names its user, and an unknown user is its row''s error' {
        $rows = @(1..8 | ForEach-Object { [pscustomobject]@{ Member_Account = "unread-$_" } }) + @([pscustomobject]@{ Member_Account = 'unread-ghost' })
        $out = @($rows | Get-ImUnreadCount -Session $tc -ThrottleLimit 3 -Summary -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue)
        $summary = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $counts = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImUnreadCount] }
        @($counts.UserId | Sort-Object) | Should -Be @(1..8 | ForEach-Object { "unread-$_" } | Sort-Object)
        $summary.Sent | Should -Be 8
        $summary.Failed | Should -Be 1
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.Member_Account | Should -Be 'unread-ghost'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.GetUnreadCountFailed*'
    }
}

Describe 'Get-ImMessageSequence -ThrottleLimit -Journal -Summary on WuKongIM' {
    BeforeAll {
        # Group seq-N holds N messages, so each result shows it belongs to its row.
        1..10 | ForEach-Object { $n = $_; 1..$n | ForEach-Object { Send-ImMessage -Session $wk -From bot -ChannelId "seq-$n" -ChannelType Group -Text "m$_" } }
        function Get-SequenceReads { foreach ($r in @(Get-SandboxRequest $sandbox.wuKongIM '/channel/max_message_seq')) { [uri]::UnescapeDataString(($r.query -replace '^.*channel_id=([^&]*).*$', '$1')) } }
        function New-SequenceRows([int[]] $Numbers) { foreach ($n in $Numbers) { [pscustomobject]@{ channel_id = "seq-$n"; channel_type = 'Group' } } }
    }

    It 'answers later rows while an earlier read is still held, and counts the held row as unknown' {
        # The first read to arrive is held for two seconds, then its answer is lost.
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/channel/max_message_seq'; AfterProcessing = $true; Reset = $true; DelayMs = 2000; Times = 1 }
        $rows = New-SequenceRows (1..10)
        $before = @(Get-SequenceReads).Count
        $out = @($rows | Get-ImMessageSequence -Session $wk -ThrottleLimit 4 -Summary -ErrorAction SilentlyContinue -ErrorVariable lost -WarningAction SilentlyContinue)

        $summary = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $summary.Sent | Should -Be 9
        $summary.Unknown | Should -Be 1
        @($lost).Count | Should -Be 1
        $held = $lost[0].TargetObject.channel_id
        $held | Should -BeIn $rows.channel_id
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.GetMessageSequenceFailed*'
        @($out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImMessageSequence] }).ChannelId | Should -Not -Contain $held
        # The sandbox logs a read as it answers: one read at a time would have answered the held row first.
        $answered = @(Get-SequenceReads | Select-Object -Skip $before)
        $answered.Count | Should -Be 10
        [array]::IndexOf($answered, $held) | Should -BeGreaterThan 0
    }

    It 'writes one result per row, each naming its channel, and a failed row is the TargetObject of its error' {
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/channel/max_message_seq'; Status = 400; Body = '{"msg":"refused","status":400}'; Times = 1 }
        $rows = @(New-SequenceRows (1..10)) + @([pscustomobject]@{ channel_id = 'seq-lonely'; channel_type = 'Person' })
        $out = @($rows | Get-ImMessageSequence -Session $wk -ThrottleLimit 8 -Summary -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue)

        $sequences = @($out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImMessageSequence] })
        $sequences.Count | Should -Be 9
        $sequences | ForEach-Object { $_.MessageSequence | Should -Be ([int]($_.ChannelId -replace '^seq-')) }
        $summary = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $summary.Sent | Should -Be 9
        $summary.Failed | Should -Be 2
        @($failed).Count | Should -Be 2
        # The person row without a viewing user is refused before any request; the server refused one of the groups.
        $invalid = @($failed | Where-Object { $_.FullyQualifiedErrorId -like 'ImAdmin.InvalidArgument*' })
        $invalid.TargetObject.channel_id | Should -Be 'seq-lonely'
        $refused = @($failed | Where-Object { $_.FullyQualifiedErrorId -like 'ImAdmin.GetMessageSequenceFailed*' })
        $refused.Count | Should -Be 1
        $refused[0].TargetObject.channel_id | Should -BeIn $rows.channel_id
        @(@($sequences.ChannelId) + $refused[0].TargetObject.channel_id | Sort-Object) | Should -Be @(1..10 | ForEach-Object { "seq-$_" } | Sort-Object)
    }

    It 're-running with the same journal skips the rows read, reads the failed row again and reports the unknown row' {
        $journal = Join-Path $TestDrive 'sequences.journal'
        $rows = @(New-SequenceRows (1..6)) + @([pscustomobject]@{ channel_id = 'seq-lonely'; channel_type = 'Person' })
        Add-SandboxFault $sandbox.wuKongIM @{ Path = '/channel/max_message_seq'; AfterProcessing = $true; Reset = $true; Times = 1 }
        $first = $rows | Get-ImMessageSequence -Session $wk -Journal $journal -ThrottleLimit 1 -Summary -ErrorAction SilentlyContinue -ErrorVariable lost -WarningAction SilentlyContinue |
            Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $first.Sent | Should -Be 5
        $first.Unknown | Should -Be 1
        $first.Failed | Should -Be 1
        $first.Journal | Should -Be $journal
        $unknownRow = ($lost | Where-Object { $_.FullyQualifiedErrorId -like 'ImAdmin.GetMessageSequenceFailed*' }).TargetObject
        $before = @(Get-SequenceReads).Count

        $more = @($rows) + @(New-SequenceRows (7, 8))
        $out = @($more | Get-ImMessageSequence -Session $wk -Journal $journal -Summary -ErrorAction SilentlyContinue -ErrorVariable reported -WarningAction SilentlyContinue)
        $second = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $second.Skipped | Should -Be 5
        $second.Unknown | Should -Be 1
        $second.Failed | Should -Be 1
        $second.Sent | Should -Be 2
        @(@($out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImMessageSequence] }).ChannelId | Sort-Object) | Should -Be @('seq-7', 'seq-8')
        $unknown = @($reported | Where-Object { $_.FullyQualifiedErrorId -like 'ImAdmin.RowOutcomeUnknown*' })
        $unknown.Count | Should -Be 1
        $unknown[0].TargetObject.channel_id | Should -Be $unknownRow.channel_id
        @(Get-SequenceReads | Select-Object -Skip $before | Sort-Object) | Should -Be @('seq-7', 'seq-8')
    }
}
