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
        , @(Get-SandboxRequest -BaseUri $Sandbox.wildfire -Path $Path)
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

    It 'writes a non-terminating ObjectNotFound error per unknown id from a CSV, with its row as TargetObject, and goes on' {
        $sent = Send-ImMessage -ChannelId admin -Text 'recall me' -PassThru
        $rows = "MessageId`n42`n$($sent.MessageId)" | ConvertFrom-Csv
        $out = $rows | Revoke-ImMessage -PassThru -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.MessageId | Should -Be '42'
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
        # The first id only: one signed call, then three unsigned probes that confirm the route is absent.
        (Get-WildfireRequest '/admin/message/recall_broadcast').Count | Should -Be 4
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

Describe 'Remove-ImMessage on WildfireChat' {
    BeforeAll {
        $script:pro = Connect-SandboxWildfire $professional -Name wfpro2
        $script:com = Connect-SandboxWildfire $community -Name wfcom2
    }

    It 'deletes what Send-ImMessage -PassThru returned on a professional-edition server' {
        $sent = Send-ImMessage -ChannelId admin -Text 'delete me' -PassThru -Session $pro
        $removed = $sent | Remove-ImMessage -PassThru -Session $pro -Confirm:$false
        $removed.MessageId | Should -Be $sent.MessageId
        (Get-WildfireRequest '/admin/message/delete' $professional)[-1].body | Should -Be "{`"messageUid`":$($sent.MessageId)}"
    }

    It 'sends nothing with -WhatIf' {
        $sent = Send-ImMessage -ChannelId admin -Text 'keep me' -PassThru -Session $pro
        $before = (Get-WildfireRequest '/admin/message/delete' $professional).Count
        $sent | Remove-ImMessage -Session $pro -WhatIf
        (Get-WildfireRequest '/admin/message/delete' $professional).Count | Should -Be $before
    }

    It 'writes ObjectNotFound with the id as TargetObject for an unknown id' {
        Remove-ImMessage -MessageId 42 -Session $pro -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].TargetObject | Should -Be 42
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.RemoveMessageFailed*'
    }

    It 'deletes a multicast for some receivers' {
        $sent = @('alice', 'bob') | Send-ImMessage -Text 'to both' -PassThru -Session $pro
        $removed = Remove-ImMessage -MessageId $sent[0].MessageId -Multicast -Receiver alice -Operator ops -PassThru -Session $pro -Confirm:$false
        $removed.Receiver | Should -Be @('alice')
        (Get-WildfireRequest '/admin/message/delete_multicast' $professional)[-1].body | Should -Match '"operator":"ops"'
    }

    It 'stops with one NotSupported error on a community server, sending the first id only' {
        $err = { Remove-ImMessage -MessageId 1, 2 -Session $com -Confirm:$false } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.Message | Should -Match 'professional edition'
        # The first id only: one signed call, then three unsigned probes that confirm the route is absent.
        (Get-WildfireRequest '/admin/message/delete').Count | Should -Be 4
    }
}

Describe 'Clear-ImMessage and Remove-ImConversation on WildfireChat' {
    BeforeAll {
        $script:pro = Connect-SandboxWildfire $professional -Name wfpro3
        $script:com = Connect-SandboxWildfire $community -Name wfcom3
    }

    It 'clears CSV rows with startTime/endTime in ms and passes the conversation on' {
        $rows = "UserId,Target,ChannelType,StartTime,EndTime`nalice,bob,Person,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z" | ConvertFrom-Csv
        $out = $rows | Clear-ImMessage -PassThru -Session $pro -Confirm:$false
        $out.Provider | Should -Be 'Wildfire'
        $out.UserId | Should -Be 'alice'
        $body = (Get-WildfireRequest '/admin/message/clear_by_user' $professional)[-1].body | ConvertFrom-Json
        $body.startTime | Should -Be 1767225600000
        $body.endTime | Should -Be 1767312000000
        $body.conversation.target | Should -Be 'bob'
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-WildfireRequest '/admin/message/clear_by_user' $professional).Count
        Clear-ImMessage -UserId alice -ChannelId bob -ChannelType Person -Session $pro -WhatIf
        (Get-WildfireRequest '/admin/message/clear_by_user' $professional).Count | Should -Be $before
    }

    It 'writes a server refusal with the failed row as TargetObject and goes on' {
        Add-SandboxFault -BaseUri $professional.wildfire -Fault @{ path = '/admin/message/clear_by_user'; status = 200; body = '{"code":253,"msg":"not exist"}' }
        $rows = "UserId,ChannelId,ChannelType`nghost,bob,Person`nalice,bob,Person" | ConvertFrom-Csv
        # One call at a time: the fault refuses the first call, which must be ghost's.
        $out = $rows | Clear-ImMessage -PassThru -Session $pro -Confirm:$false -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.UserId | Should -Be 'ghost'
        $failed[0].Exception.ServerCode | Should -Be 253
        @($out).UserId | Should -Be @('alice')
    }

    It 'refuses an EndTime before StartTime naming the parameter' {
        Clear-ImMessage -UserId alice -ChannelId bob -ChannelType Person -StartTime '2026-02-01' -EndTime '2026-01-01' -Session $pro -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.InvalidArgument*'
        $failed[0].Exception.ParameterName | Should -Be 'EndTime'
    }

    It 'removes a conversation on WildfireChat professional, and stops clearly on a community server' {
        $removed = Remove-ImConversation -UserId alice -ChannelId demo-group -ChannelType Group -PassThru -Session $pro -Confirm:$false
        $removed.Provider | Should -Be 'Wildfire'
        (Get-WildfireRequest '/admin/conversation/delete' $professional)[-1].body | Should -Match '"conversation":\{"type":1,"target":"demo-group"'
        $err = { Remove-ImConversation -UserId alice -ChannelId bob -ChannelType Person -Session $com -Confirm:$false } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'professional edition'
    }

    It 'keeps one NotSupported error naming the provider on Tencent' {
        $tc = Connect-SandboxTencent $community -Name tc
        $err = { Remove-ImConversation -UserId alice -ChannelId bob -ChannelType Person -Session $tc -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'Tencent'
        $err = { Clear-ImMessage -UserId alice -ChannelId bob -ChannelType Person -Session $tc -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
    }
}

Describe 'Get-ImMessage -MessageId on WildfireChat' {
    BeforeAll { $script:wf = Connect-SandboxWildfire $community -Name wfget }

    It 'reads what Send-ImMessage -PassThru returned, and its output pipes into Revoke-ImMessage' {
        $sent = Send-ImMessage -ChannelId admin -Text 'read me' -PassThru -Session $wf
        $message = $sent | Get-ImMessage -Session $wf
        $message.MessageId | Should -Be $sent.MessageId
        $message.From | Should -Be 'admin'
        $message.Text | Should -Be 'read me'
        $message.ChannelType | Should -Be 'Person'
        ($message | Revoke-ImMessage -PassThru -Session $wf -Confirm:$false).Text | Should -Be 'read me'
    }

    It 'writes ObjectNotFound per unknown id with the id as TargetObject' {
        $sent = Send-ImMessage -ChannelId admin -Text 'here' -PassThru -Session $wf
        $out = Get-ImMessage -ChannelId admin -ChannelType Person -MessageId 42, $sent.MessageId -Session $wf -ErrorAction SilentlyContinue -ErrorVariable failed
        @($out).MessageId | Should -Be @($sent.MessageId)
        $failed[0].TargetObject | Should -Be 42
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'still stops with one error naming the provider for history on WildfireChat' {
        $err = { Get-ImMessage -ChannelId alice -ChannelType Person -Session $wf } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'Wildfire'
    }
}

Describe 'Update-ImMessage, Get-ImReadReceipt and Get-ImDeliveryStatus on WildfireChat' {
    BeforeAll {
        $script:pro = Connect-SandboxWildfire $professional -Name wfpro4
        $script:com = Connect-SandboxWildfire $community -Name wfcom4
    }

    It 'updates CSV rows by MessageId and Message, distributing by default' {
        $sent = Send-ImMessage -ChannelId admin -Text 'typo' -PassThru -Session $pro
        $rows = "MessageId,Message`n$($sent.MessageId),fixed" | ConvertFrom-Csv
        $out = $rows | Update-ImMessage -PassThru -Session $pro
        $out.Text | Should -Be 'fixed'
        $out.Distributed | Should -BeTrue
        (Get-ImMessage -ChannelId admin -ChannelType Person -MessageId $sent.MessageId -Session $pro).Text | Should -Be 'fixed'
        (Get-WildfireRequest '/admin/message/update' $professional)[-1].body | Should -Match '"distribute":1'
    }

    It 'sends nothing with -WhatIf, and -NoDistribute sends distribute 0' {
        $sent = Send-ImMessage -ChannelId admin -Text 'v1' -PassThru -Session $pro
        $before = (Get-WildfireRequest '/admin/message/update' $professional).Count
        $sent | Update-ImMessage -Text 'v2' -Session $pro -WhatIf
        (Get-WildfireRequest '/admin/message/update' $professional).Count | Should -Be $before
        $sent | Update-ImMessage -Text 'v2' -NoDistribute -Session $pro
        (Get-WildfireRequest '/admin/message/update' $professional)[-1].body | Should -Match '"distribute":0'
    }

    It 'updates CSV rows four calls at a time with -Journal and -Summary, a missing message is its row''s error, and a re-run updates only that row again' {
        $sent = 1..8 | ForEach-Object { Send-ImMessage -ChannelId admin -Text "draft $_" -PassThru -Session $pro }
        $csv = @($sent | ForEach-Object { [pscustomobject]@{ MessageId = $_.MessageId; Text = "final $($_.MessageId)" } }) + @([pscustomobject]@{ MessageId = 42; Text = 'nope' })
        $rows = $csv | ConvertTo-Csv | ConvertFrom-Csv
        $journal = Join-Path $TestDrive 'updates.journal'
        $out = @($rows | Update-ImMessage -Session $pro -ThrottleLimit 4 -Journal $journal -Summary -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue)

        $updated = @($out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImUpdatedMessage] })
        # Calls overlap, so the results come in any order; each names its message.
        @($updated.MessageId | Sort-Object) | Should -Be @($sent.MessageId | Sort-Object)
        $updated | ForEach-Object { $_.Text | Should -Be "final $($_.MessageId)" }
        $summary = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $summary.Sent | Should -Be 8
        $summary.Failed | Should -Be 1
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject.MessageId | Should -Be '42'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.UpdateMessageFailed*'
        $before = (Get-WildfireRequest '/admin/message/update' $professional).Count

        $second = $rows | Update-ImMessage -Session $pro -Journal $journal -Summary -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $second.Skipped | Should -Be 8
        $second.Failed | Should -Be 1
        $again = @((Get-WildfireRequest '/admin/message/update' $professional) | Select-Object -Skip $before)
        $again.Count | Should -Be 1
        $again[0].body | Should -Match '"messageUid":42'
    }

    It 'writes a missing message as ObjectNotFound with the row as TargetObject' {
        $rows = "MessageId,Text`n42,nope" | ConvertFrom-Csv
        $rows | Update-ImMessage -Session $pro -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].TargetObject.MessageId | Should -Be '42'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reads read receipts from CSV rows and delivery status from piped user ids' {
        $rows = "UserId,Target,ChannelType`nalice,demo-group,Group`nalice,bob,Person" | ConvertFrom-Csv
        # One call at a time: the requests below are read in row order.
        $receipts = $rows | Get-ImReadReceipt -Session $pro -ThrottleLimit 1
        @($receipts).Count | Should -Be 2
        $receipts[0].ChannelType | Should -Be 'Group'
        $receipts[0].ReadUntil | Should -BeNullOrEmpty
        (Get-WildfireRequest '/admin/message/conv_read' $professional)[-2].body | Should -Match '"conversationType":1'
        $out = @('alice', 'bob', 'carol' | Get-ImDeliveryStatus -Session $pro -ThrottleLimit 3 -Summary)
        $summary = $out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImBulkSummary] }
        $summary.Sent | Should -Be 3
        # Calls overlap, so the results come in any order; each names its user.
        @($out | Where-Object { $_ -is [ImAdmin.Engine.Models.ImDeliveryStatus] } | ForEach-Object UserId | Sort-Object) | Should -Be @('alice', 'bob', 'carol')
    }

    It 'stops with one NotSupported error on a community server' {
        $err = { Get-ImDeliveryStatus -UserId alice, bob -Session $com } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err = { Update-ImMessage -MessageId 1 -Text x -Session $com } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'professional edition'
        $err = { Get-ImReadReceipt -UserId alice -ChannelId bob -ChannelType Person -Session $com } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
    }

    It 'refuses to run without user ids, naming -UserId' {
        $err = { Get-ImDeliveryStatus -Session $pro } | Should -Throw -PassThru
        $err.Exception.ParameterName | Should -Be 'UserId'
    }
}

Describe 'Import-ImMessage on WildfireChat' {
    BeforeAll {
        $script:pro = Connect-SandboxWildfire $professional -Name wfpro5
        $script:com = Connect-SandboxWildfire $community -Name wfcom5
    }

    It 'imports CSV rows in batches of 100 with their original times' {
        $csv = @('Sender,To,Message,SentAt') + (1..150 | ForEach-Object { "alice,bob,old $_,2020-01-01T00:00:00Z" })
        $before = (Get-WildfireRequest '/admin/message/import' $professional).Count
        $out = $csv | ConvertFrom-Csv | Import-ImMessage -PassThru -Session $pro
        @($out).Count | Should -Be 150
        ($out | Where-Object Succeeded).Count | Should -Be 150
        $calls = Get-WildfireRequest '/admin/message/import' $professional
        $calls.Count - $before | Should -Be 2
        # The two calls run concurrently, so the server may record the 50-row one first: take them by size.
        $batches = @($calls[$before..($calls.Count - 1)] | ForEach-Object { , ($_.body | ConvertFrom-Json).messages } | Sort-Object Count -Descending)
        ($batches | ForEach-Object Count) -join ',' | Should -Be '100,50'
        $first = $batches[0]
        $first[0].timestamp | Should -Be 1577836800000
        $first[0].sender | Should -Be 'alice'
        $first[0].conversation.target | Should -Be 'bob'
    }

    It 'skips on a re-run with -Journal a row that now names the admin it left out before' {
        # WildfireChat stores a repeated import twice, so only the journal keeps the re-run from doing so.
        $journal = Join-Path $TestDrive 'import.journal'
        $first = "To,Message,SentAt`nbob,once,2020-02-01T00:00:00Z" | ConvertFrom-Csv
        $named = "Sender,To,Message,SentAt`nadmin,bob,once,2020-02-01T00:00:00Z" | ConvertFrom-Csv
        $before = (Get-WildfireRequest '/admin/message/import' $professional).Count
        @($first | Import-ImMessage -Journal $journal -PassThru -Session $pro).Count | Should -Be 1
        $summary = $named | Import-ImMessage -Journal $journal -Summary -Session $pro
        $summary.Skipped | Should -Be 1
        (Get-WildfireRequest '/admin/message/import' $professional).Count - $before | Should -Be 1
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-WildfireRequest '/admin/message/import' $professional).Count
        Import-ImMessage -ChannelId bob -Text 'x' -Timestamp '2020-01-01' -Session $pro -WhatIf
        (Get-WildfireRequest '/admin/message/import' $professional).Count | Should -Be $before
    }

    It 'reports bad rows alone, with the row as TargetObject, and imports the others in the same batch' {
        $rows = @("To,Message,SentAt,ChannelType", "bad-type,x,2020-01-01,Community", "bob,ok,2020-01-01,Person") | ConvertFrom-Csv
        $badPayload = [pscustomobject]@{ To = 'bad-payload'; Payload = [Text.Encoding]::UTF8.GetBytes('{"type":3,"binaryContent":"AA=="}'); SentAt = '2020-01-01' }
        $goodPayload = [pscustomobject]@{ To = 'carol'; Payload = [Text.Encoding]::UTF8.GetBytes('{"type":1001,"content":"ok"}'); SentAt = '2020-01-01' }
        $before = (Get-WildfireRequest '/admin/message/import' $professional).Count
        $out = @($rows) + $badPayload + $goodPayload | Import-ImMessage -PassThru -Session $pro -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 2
        $failed.TargetObject.To | Should -Be @('bad-type', 'bad-payload')
        $failed.Exception.ParameterName | Should -Be @('ChannelType', 'Payload')
        @($out).ChannelId | Should -Be @('bob', 'carol')
        (Get-WildfireRequest '/admin/message/import' $professional).Count - $before | Should -Be 1
    }

    It 'stops with one NotSupported error on a community server' {
        $err = { Import-ImMessage -ChannelId bob -Text 'x' -Timestamp '2020-01-01' -Session $com } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.TargetObject | Should -Be 'bob'
    }
}
