# WuKongIM channels in a real PowerShell: pipeline binding from CSV, one replace call per channel, -WhatIf,
# per-row errors, and clear refusals. Call counts come from the sandbox's request journal.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    $script:wk = $sandbox.wuKongIM

    function New-TestId([string] $Prefix = 'g') { $Prefix + '-' + [guid]::NewGuid().ToString('N').Substring(0, 10) }

    # The journal one entry at a time (Invoke-RestMethod hands a JSON array over as one object).
    function Get-JournalEntry([string] $Path) { Get-SandboxRequest $wk -Path $Path | ForEach-Object { $_ } }

    # Journal entries for one path that mention one channel id (in the body or the query string).
    function Get-ChannelCall([string] $Path, [string] $ChannelId) {
        @(Get-JournalEntry $Path | Where-Object { $_.body -match [regex]::Escape("`"$ChannelId`"") -or $_.query -match [regex]::Escape($ChannelId) })
    }

    function Get-AnyChannelCall([string] $ChannelId) {
        $pattern = [regex]::Escape($ChannelId)
        @(Get-JournalEntry | Where-Object { $_.body -match $pattern -or $_.path -match $pattern -or $_.query -match $pattern })
    }

    function Write-UserCsv([int] $Count, [string] $Column = 'Uid') {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("imadmin-users-" + [guid]::NewGuid().ToString('N') + '.csv')
        1..$Count | ForEach-Object { [pscustomobject]@{ $Column = "user$_"; Note = "row $_" } } | Export-Csv -Path $path -NoTypeInformation
        $path
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Channels' {
    BeforeAll { $null = Connect-SandboxWuKong $sandbox }
    AfterEach { Invoke-RestMethod -Method Delete -Uri "$wk/_sandbox/faults" | Out-Null }

    It 'creates a channel with flags and subscribers and reports it back' {
        $id = New-TestId
        $channel = New-ImChannel -ChannelId $id -ChannelType Group -Subscriber a, b -Ban -SendBan -PassThru
        $channel.GetType().Name | Should -Be 'ImChannel'
        $channel.Ban | Should -BeTrue
        $channel.SendBan | Should -BeTrue
        $channel.AllowStranger | Should -BeFalse
        $channel.SubscriberCount | Should -Be 2
        (Get-ImChannel $id Group).SendBan | Should -BeNullOrEmpty
    }

    It 'binds channel ids from CSV columns such as channel_id and To' {
        $a = New-TestId; $b = New-TestId
        New-ImChannel $a Group; New-ImChannel $b Group
        $rows = [pscustomobject]@{ channel_id = $a; channel_type = 'Group' }, [pscustomobject]@{ To = $b; channel_type = 2 }
        # Rows run concurrently: results come back as their calls finish.
        (($rows | Get-ImChannel).ChannelId | Sort-Object) | Should -Be (@($a, $b) | Sort-Object)
    }

    It 'Set-ImChannel keeps the ban it does not change, and refuses to guess unreadable flags' {
        $id = New-TestId
        New-ImChannel $id Group -Ban
        $err = { Set-ImChannel $id Group -Ban $true } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.InvalidArgument*'
        $err.Exception.Message | Should -Match '-SendBan and -AllowStranger'
        Get-ChannelCall '/channel/info' $id | Should -BeNullOrEmpty

        $channel = Set-ImChannel $id Group -SendBan $true -AllowStranger $false -PassThru
        $channel.Ban | Should -BeTrue
        $channel.SendBan | Should -BeTrue
        $body = (Get-ChannelCall '/channel/info' $id)[0].body | ConvertFrom-Json
        $body.ban | Should -Be 1
        $body.send_ban | Should -Be 1
    }

    It 'Remove-ImChannel disbands, and refuses person channels with a clear message' {
        $id = New-TestId
        New-ImChannel $id Group
        (Remove-ImChannel $id Group -Confirm:$false -PassThru).Disband | Should -BeTrue
        Remove-ImChannel 'someone' Person -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'Set-ImChannel -ChannelType Person -Ban'
        $failed[0].TargetObject | Should -Be 'someone'
        Get-ChannelCall '/channel/delete' 'someone' | Should -BeNullOrEmpty
    }
}

Describe 'Channel member lists' {
    BeforeAll { $null = Connect-SandboxWuKong $sandbox }
    AfterEach { Invoke-RestMethod -Method Delete -Uri "$wk/_sandbox/faults" | Out-Null }

    It 'Import-Csv | Set-ImChannelBlacklist replaces the list with all rows in exactly one call' {
        $id = New-TestId
        Add-ImChannelBlacklist $id Group -UserId old1, old2
        $csv = Write-UserCsv 1500
        Import-Csv $csv | Set-ImChannelBlacklist -ChannelId $id -ChannelType Group -Confirm:$false

        $calls = Get-ChannelCall '/channel/blacklist_set' $id
        $calls.Count | Should -Be 1
        ($calls[0].body | ConvertFrom-Json).uids.Count | Should -Be 1500
        $list = Get-ImChannelBlacklist $id Group
        $list.Count | Should -Be 1500
        $list.UserId | Should -Not -Contain 'old1'
    }

    It 'never empties a list from an empty input; -Clear does' {
        $id = New-TestId
        Add-ImChannelWhitelist $id Group -UserId keep
        $empty = Join-Path ([IO.Path]::GetTempPath()) ("imadmin-empty-" + [guid]::NewGuid().ToString('N') + '.csv')
        Set-Content -Path $empty -Value 'Uid'
        $err = { Import-Csv $empty | Set-ImChannelWhitelist -ChannelId $id -ChannelType Group -Confirm:$false } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match '-Clear'
        $err = { Set-ImChannelWhitelist -ChannelId $id -ChannelType Group -UserId @() -Confirm:$false } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match '-Clear'
        (Get-ImChannelWhitelist $id Group).UserId | Should -Be 'keep'
        Get-ChannelCall '/channel/whitelist_set' $id | Should -BeNullOrEmpty

        Set-ImChannelWhitelist $id Group -Clear -Confirm:$false
        Get-ImChannelWhitelist $id Group | Should -BeNullOrEmpty
    }

    It 'does not replace a list when one of its rows is blank' {
        $id = New-TestId
        Add-ImChannelBlacklist $id Group -UserId keep
        $rows = [pscustomobject]@{ Uid = 'a' }, [pscustomobject]@{ Uid = '' }
        $rows | Set-ImChannelBlacklist -ChannelId $id -ChannelType Group -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 2
        $failed[0].TargetObject | Should -Be $rows[1]
        (Get-ImChannelBlacklist $id Group).UserId | Should -Be 'keep'
    }

    It '-WhatIf sends nothing' {
        $id = New-TestId
        $csv = Write-UserCsv 3
        Import-Csv $csv | Set-ImChannelBlacklist -ChannelId $id -ChannelType Group -WhatIf
        Import-Csv $csv | Add-ImChannelSubscriber -ChannelId $id -ChannelType Group -WhatIf
        Remove-ImChannelWhitelist $id Group -UserId a -WhatIf
        New-ImChannel $id Group -WhatIf
        Set-ImChannel $id Group -ResetUnspecified -WhatIf
        Remove-ImChannel $id Group -WhatIf
        Get-AnyChannelCall $id | Should -BeNullOrEmpty
    }

    It 'Get-ImChannelSubscriber | Remove-ImChannelSubscriber binds every property and sends one call' {
        $id = New-TestId
        Add-ImChannelSubscriber $id Community -UserId u1, u2, u3
        Get-ImChannelSubscriber $id Community | Remove-ImChannelSubscriber -Confirm:$false
        Get-ImChannelSubscriber $id Community | Should -BeNullOrEmpty
        $calls = Get-ChannelCall '/channel/subscriber_remove' $id
        $calls.Count | Should -Be 1
        ($calls[0].body | ConvertFrom-Json).subscribers | Should -Be @('u1', 'u2', 'u3')
        ($calls[0].body | ConvertFrom-Json).channel_type | Should -Be 4
    }

    It 'Get-ImChannelBlacklist | Remove-ImChannelBlacklist -PassThru emits what was removed' {
        $id = New-TestId
        Add-ImChannelBlacklist $id Group -UserId x, y
        $removed = Get-ImChannelBlacklist $id Group -UserId x* | Remove-ImChannelBlacklist -PassThru
        $removed.UserId | Should -Be 'x'
        (Get-ImChannelBlacklist $id Group).UserId | Should -Be 'y'
    }

    It 'takes plain user ids and channel ids piped in' {
        $id = New-TestId
        $file = Join-Path ([IO.Path]::GetTempPath()) ("imadmin-ids-" + [guid]::NewGuid().ToString('N') + '.txt')
        Set-Content -Path $file -Value 'u1', 'u2', 'u3'
        Get-Content $file | Add-ImChannelBlacklist -ChannelId $id -ChannelType Group
        (Get-ImChannelBlacklist $id Group).UserId | Should -Be @('u1', 'u2', 'u3')
        (Get-ChannelCall '/channel/blacklist_add' $id).Count | Should -Be 1
        'u2' | Set-ImChannelBlacklist -ChannelId $id -ChannelType Group -Confirm:$false
        (Get-ImChannelBlacklist $id Group).UserId | Should -Be 'u2'

        $a = New-TestId; $b = New-TestId
        New-ImChannel $a Group; New-ImChannel $b Group
        ($a, $b | Remove-ImChannel -ChannelType Group -Confirm:$false -PassThru).Disband | Should -Be @($true, $true)
    }

    It 'says which parameter is missing when nothing names the users' {
        $err = { Add-ImChannelSubscriber -ChannelId (New-TestId) -ChannelType Group } | Should -Throw -PassThru
        $err.Exception.ParameterName | Should -Be 'UserId'
        [pscustomobject]@{ Name = 'no id column' } | Add-ImChannelSubscriber -ChannelId (New-TestId) -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Match 'Member_Account'
        $failed[0].TargetObject.Name | Should -Be 'no id column'
        $null | Add-ImChannelSubscriber -ChannelId (New-TestId) -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable nothing
        $nothing[0].Exception.ParameterName | Should -Be 'UserId'
    }

    It 'sends thousands of CSV rows in chunks of 1000' {
        $id = New-TestId
        $csv = Write-UserCsv 2500 -Column 'Member_Account'
        $added = Import-Csv $csv | Add-ImChannelBlacklist -ChannelId $id -ChannelType Group -PassThru
        $added.Count | Should -Be 2500
        $calls = Get-ChannelCall '/channel/blacklist_add' $id
        $calls.Count | Should -Be 3
        # The chunks run concurrently (-ThrottleLimit), so they may reach the server in any order.
        ($calls | ForEach-Object { ($_.body | ConvertFrom-Json).uids.Count } | Sort-Object) | Should -Be @(500, 1000, 1000)
    }

    It 'reports a failed call as one error per row, with the row as TargetObject and the server message' {
        $id = New-TestId
        Add-SandboxFault -BaseUri $wk -Fault @{ Path = '/channel/blacklist_add'; Status = 400; Body = '{"msg":"添加黑名单失败！","status":400}' }
        $rows = Import-Csv (Write-UserCsv 3)
        $rows | Add-ImChannelBlacklist -ChannelId $id -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 3
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.ChannelMemberChangeFailed*' }
        $failed[2].TargetObject | Should -Be $rows[2]
        $failed[0].TargetObject.Note | Should -Be 'row 1'
        $failed[0].Exception.ServerMessage | Should -Be '添加黑名单失败！'
        $failed[0].ErrorDetails.Message | Should -Match 'server code 400'
    }

    It 'reports a bad row alone and still sends the others' {
        $id = New-TestId
        $rows = [pscustomobject]@{ ChannelId = $id; Uid = 'ok' }, [pscustomobject]@{ ChannelId = 'bad#id'; Uid = 'x' }
        $rows | Add-ImChannelWhitelist -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.InvalidArgument*'
        $failed[0].TargetObject | Should -Be $rows[1]
        (Get-ImChannelWhitelist $id Group).UserId | Should -Be 'ok'
    }

    It 'refuses subscribers on person channels before sending' {
        Add-ImChannelSubscriber -ChannelId 'someone' -ChannelType Person -UserId u1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.ParameterName | Should -Be 'ChannelType'
        $failed[0].TargetObject | Should -Be 'u1'
    }

    It 'stops with NotSupported when asked for temporary subscribers' {
        $err = { Add-ImChannelSubscriber (New-TestId) Info -UserId u1 -Temporary } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.ServerMessage | Should -Be '新版本临时订阅者已不支持！'
    }

    It 'pages a list on the client with -Skip, -First and -IncludeTotalCount' {
        $id = New-TestId
        Add-ImChannelSubscriber $id Group -UserId (1..10 | ForEach-Object { "m$_" })
        (Get-ImChannelSubscriber $id Group -Skip 2 -First 3).UserId | Should -Be @('m3', 'm4', 'm5')
        $withTotal = @(Get-ImChannelSubscriber $id Group -First 1 -IncludeTotalCount)
        $withTotal[0].ToString() | Should -Match '10'
        (Get-ImChannelSubscriber $id Group | Select-Object -First 2).Count | Should -Be 2
    }
}

Describe 'Channels on other providers' {
    AfterEach { Get-ImSession | Disconnect-ImServer }

    It 'stops with one clear error naming the provider (groups are the only channels the others have)' {
        $null = Connect-ImServer -Uri $sandbox.wildfire -Secret (ConvertTo-TestSecret 'unused') -SkipValidation -Name wf
        $err = { Get-ImChannelSubscriber -ChannelId g1 -ChannelType Community } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'Wildfire'
        $err.Exception.Message | Should -Match 'Get-ImChannelSubscriber'
        $err = { [pscustomobject]@{ Uid = 'a' } | Set-ImChannelBlacklist -ChannelId g1 -ChannelType Group -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        Get-SandboxRequest $sandbox.wildfire | ForEach-Object { $_ } | Should -BeNullOrEmpty
    }
}
