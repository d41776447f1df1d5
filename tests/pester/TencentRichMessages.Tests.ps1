# Send-ImMessage's richer parameters, group recall and history, imports and read marks on Tencent Cloud IM.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed
    $script:tc = Connect-SandboxTencent $sandbox -Name tcrich
    $script:wk = Connect-SandboxWuKong $sandbox -Name wkrich

    function Get-Call([string] $Api) {
        , @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path "/v4/$Api")
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Send-ImMessage options on Tencent Cloud IM' {
    It 'puts push title, text and data, lifetime, extra, no-sync, skip-callback and read receipt on the wire and returns the server time' {
        $result = Send-ImMessage -ChannelId bob -Text 'notice' -PushTitle 'Maintenance' -PushText 'Tonight 22:00' -PushData '{"k":1}' `
            -Lifetime (New-TimeSpan -Hours 2) -Extra '{"ticket":7}' -NoSyncToSender -SkipCallback -RequestReadReceipt -PassThru -Session $tc
        $result.Succeeded | Should -BeTrue
        $result.Timestamp | Should -Not -BeNullOrEmpty
        $body = (Get-Call 'openim/sendmsg')[-1].body | ConvertFrom-Json
        $body.OfflinePushInfo.Title | Should -Be 'Maintenance'
        $body.OfflinePushInfo.Desc | Should -Be 'Tonight 22:00'
        $body.OfflinePushInfo.Ext | Should -Be '{"k":1}'
        $body.MsgLifeTime | Should -Be 7200
        $body.CloudCustomData | Should -Be '{"ticket":7}'
        $body.SyncOtherMachine | Should -Be 2
        $body.ForbidCallbackControl.Count | Should -Be 2
        $body.IsNeedReadReceipt | Should -Be 1
    }

    It 'takes the options of each CSV row from its columns, and rows with different options never share a call' {
        $csv = @'
To,Text,PushTitle,Extra,RequestReadReceipt,Lifetime
alice,Same notice,Title A,"{""a"":1}",True,60
bob,Same notice,Title A,"{""a"":1}",True,60
carol,Same notice,Title B,"{""b"":2}",False,
dave,Same notice,,,,
'@ | ConvertFrom-Csv
        $before = (Get-Call 'openim/sendmsg').Count, (Get-Call 'openim/batchsendmsg').Count
        $sent = $csv | Send-ImMessage -PassThru -Session $tc
        @($sent | Where-Object Succeeded).Count | Should -Be 4
        $calls = @((Get-Call 'openim/sendmsg') | Select-Object -Skip $before[0]) + @((Get-Call 'openim/batchsendmsg') | Select-Object -Skip $before[1])
        $byRecipient = @{}
        foreach ($call in $calls) {
            $body = $call.body | ConvertFrom-Json
            foreach ($to in @($body.To_Account)) { $byRecipient[$to] = $body }
        }
        $byRecipient.Keys | Sort-Object | Should -Be @('alice', 'bob', 'carol', 'dave')
        $byRecipient.alice.OfflinePushInfo.Title | Should -Be 'Title A'
        $byRecipient.alice.CloudCustomData | Should -Be '{"a":1}'
        $byRecipient.alice.IsNeedReadReceipt | Should -Be 1
        $byRecipient.alice.MsgLifeTime | Should -Be 60
        $byRecipient.bob.OfflinePushInfo.Title | Should -Be 'Title A'
        $byRecipient.carol.OfflinePushInfo.Title | Should -Be 'Title B'
        $byRecipient.carol.CloudCustomData | Should -Be '{"b":2}'
        $byRecipient.carol.PSObject.Properties.Name | Should -Not -Contain 'IsNeedReadReceipt'
        $byRecipient.carol.PSObject.Properties.Name | Should -Not -Contain 'MsgLifeTime'
        $byRecipient.dave.PSObject.Properties.Name | Should -Not -Contain 'OfflinePushInfo'
        $byRecipient.dave.PSObject.Properties.Name | Should -Not -Contain 'CloudCustomData'
        # Each call carries one set of options: carol and dave are never in alice's call.
        foreach ($call in $calls) {
            $to = @(($call.body | ConvertFrom-Json).To_Account)
            if ($to -contains 'alice' -or $to -contains 'bob') { $to | Should -Not -Contain 'carol'; $to | Should -Not -Contain 'dave' }
        }
    }

    It 'fails only the row whose switch column holds no switch value' {
        $rows = "To,Text,SkipCallback`nbob,x,maybe`ncarol,y,0" | ConvertFrom-Csv
        $sent = $rows | Send-ImMessage -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        @($sent).Count | Should -Be 1
        $sent.ChannelId | Should -Be 'carol'
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.To | Should -Be 'bob'
        $failed[0].Exception.Message | Should -Match 'SkipCallback'
    }

    It 'mentions group members and everyone' {
        $result = Send-ImMessage -ChannelType Group -ChannelId demo-group -Text '@all @bob hi' -MentionAll -Mention bob -PassThru -Session $tc
        $result.MessageSequence | Should -BeGreaterThan 0
        ((Get-Call 'group_open_http_svc/send_group_msg')[-1].body | ConvertFrom-Json).GroupAtInfo.Count | Should -Be 2
    }

    It 'refuses -Mention on a one-to-one message before sending, naming the provider' {
        $before = (Get-Call 'openim/sendmsg').Count
        { Send-ImMessage -ChannelId bob -Text 'x' -Mention carol -Session $tc } | Should -Throw -ExpectedMessage '*TencentCloud*'
        (Get-Call 'openim/sendmsg').Count | Should -Be $before
    }

    It 'refuses an option on a provider that has no field for it, naming the provider' {
        { Send-ImMessage -ChannelId bob -Text 'x' -PushTitle 't' -Session $wk } | Should -Throw -ExpectedMessage '*WuKongIM*'
    }

    It 'refuses a message over 12 KB for its row only' {
        $rows = @([pscustomobject]@{ To = 'bob'; Text = 'x' * 13000 }, [pscustomobject]@{ To = 'carol'; Text = 'short' })
        $sent = $rows | Send-ImMessage -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        @($sent).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.To | Should -Be 'bob'
        $failed[0].Exception.Message | Should -Match '12 KB'
    }

    It 'sends a whole MsgBody payload and names a misspelt field' {
        $good = [Text.Encoding]::UTF8.GetBytes('[{"MsgType":"TIMLocationElem","MsgContent":{"Desc":"HQ","Latitude":1.5,"Longitude":2.5}},{"MsgType":"TIMTextElem","MsgContent":{"Text":"here"}}]')
        (Send-ImMessage -ChannelId bob -Payload $good -PassThru -Session $tc).Succeeded | Should -BeTrue
        $bad = [Text.Encoding]::UTF8.GetBytes('[{"MsgType":"TIMImageElem","MsgContent":{"ImageFormat":1,"ImageInfoArray":[{"Type":1,"Url":"https://x"}]}}]')
        Send-ImMessage -ChannelId bob -Payload $bad -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        $failed[0].Exception.Message | Should -Match "'Url'.*'URL'"
    }
}

Describe 'Group messages after sending' {
    It 'recalls a group message piped from Send-ImMessage -PassThru and history shows it revoked' {
        $sent = Send-ImMessage -ChannelType Group -ChannelId demo-group -Text 'oops' -PassThru -Session $tc
        $revoked = $sent | Revoke-ImMessage -Confirm:$false -PassThru -Session $tc
        $revoked.MessageSequence | Should -Be $sent.MessageSequence
        $history = Get-ImMessage -ChannelType Group -ChannelId demo-group -First 5 -Session $tc
        ($history | Where-Object MessageSequence -eq $sent.MessageSequence).Revoked | Should -BeTrue
        # A second recall: the server answers RetCode 10030 as for a missing message; the history says it was recalled.
        $again = $sent | Revoke-ImMessage -Confirm:$false -PassThru -Session $tc
        $again.AlreadyRevoked | Should -BeTrue
        $missing = [pscustomobject]@{ ChannelId = 'demo-group'; ChannelType = 'Group'; MessageSequence = 999999 }
        $missing | Revoke-ImMessage -Confirm:$false -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -Match '10030'
    }

    It 'reads a group history lazily, newest first' {
        1..3 | ForEach-Object { Send-ImMessage -ChannelType Group -ChannelId demo-group -Text "page $_" -Session $tc }
        $before = (Get-Call 'group_open_http_svc/group_msg_get_simple').Count
        $newest = Get-ImMessage -ChannelType Group -ChannelId demo-group -PageSize 2 -First 2 -Session $tc
        $newest.Text | Should -Be @('page 3', 'page 2')
        (Get-Call 'group_open_http_svc/group_msg_get_simple').Count - $before | Should -Be 1
    }
}

Describe 'Import-ImMessage and Clear-ImConversationUnread on Tencent Cloud IM' {
    It 'imports two identical rows of the same second as two messages, and a re-run imports nothing' {
        $csv = "From,To,Timestamp,Text`nalice,dave,2021-05-01T10:00:00Z,ok`nalice,dave,2021-05-01T10:00:00Z,ok" | ConvertFrom-Csv
        ($csv | Import-ImMessage -PassThru -Session $tc).Count | Should -Be 2
        ($csv | Import-ImMessage -PassThru -Session $tc).Count | Should -Be 2
        $history = Get-ImMessage -UserId dave -ChannelId alice -ChannelType Person -StartTime '2021-05-01T00:00:00Z' -EndTime '2021-05-02T00:00:00Z' -Session $tc
        @($history).Count | Should -Be 2
    }

    It 'imports a row without a sender and one naming the admin as two messages, and a re-run naming the admin in both imports nothing' {
        # Two rows are two messages (as two identical rows are); the sender is normalized before the key is made, so a
        # re-run spelling the admin out gets the same keys and the server keeps one copy of each.
        $admin = $sandbox.tencentIdentifier
        $csv = "From,To,Timestamp,Text`n,dave,2021-06-01T10:00:00Z,same`n$admin,dave,2021-06-01T10:00:00Z,same" | ConvertFrom-Csv
        $rerun = "From,To,Timestamp,Text`n$admin,dave,2021-06-01T10:00:00Z,same`n$admin,dave,2021-06-01T10:00:00Z,same" | ConvertFrom-Csv
        $before = (Get-Call 'openim/importmsg').Count
        @($csv | Import-ImMessage -PassThru -Session $tc | Where-Object Succeeded).Count | Should -Be 2
        @($rerun | Import-ImMessage -PassThru -Session $tc | Where-Object Succeeded).Count | Should -Be 2
        $keys = @((Get-Call 'openim/importmsg') | Select-Object -Skip $before | ForEach-Object { $b = $_.body | ConvertFrom-Json; "$($b.From_Account)/$($b.MsgSeq)/$($b.MsgRandom)" })
        $keys.Count | Should -Be 4
        @($keys | Select-Object -Unique).Count | Should -Be 2
        $history = Get-ImMessage -UserId dave -ChannelId $admin -ChannelType Person -StartTime '2021-06-01T00:00:00Z' -EndTime '2021-06-02T00:00:00Z' -Session $tc
        @($history).Count | Should -Be 2
    }

    It 'sends SyncFromOldSystem 5 for a real-time import and refuses 1' {
        Import-ImMessage -From alice -ChannelId carol -Timestamp '2021-05-01T10:00:00Z' -Text 'live' -SyncFromOldSystem 5 -Session $tc
        (Get-Call 'openim/importmsg')[-1].body | Should -Match '"SyncFromOldSystem":5'
        { Import-ImMessage -From alice -ChannelId carol -Timestamp '2021-05-01T10:00:00Z' -Text 'x' -SyncFromOldSystem 1 -Session $tc } | Should -Throw
    }

    It 'marks read up to -Before and -PassThru reports the unread count left and the read time' {
        Send-ImMessage -From alice -ChannelId bob -Text 'unread' -Session $tc
        $before = [DateTimeOffset]::UtcNow.AddMinutes(-5)
        $conversation = Clear-ImConversationUnread -UserId bob -ChannelId alice -ChannelType Person -Before $before -PassThru -Session $tc
        (Get-Call 'openim/admin_set_msg_read')[-1].body | Should -Match ('"MsgReadTime":' + $before.ToUnixTimeSeconds())
        $conversation.Unread | Should -BeGreaterThan 0
        $conversation.ReadTime.ToUnixTimeSeconds() | Should -Be $before.ToUnixTimeSeconds()
    }
}
