# WuKongIM users, devices, routes, system users, connections and server status in a real PowerShell:
# pipeline binding from Get-ImConnection and Import-Csv, lazy paging, -WhatIf, error records and secrets.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    $script:wk = $sandbox.wuKongIM
    $null = Connect-SandboxWuKong $sandbox

    function Add-TestConnection([string] $UserId, [int] $DeviceFlag = 0, [uint64] $NodeId = 0) {
        $body = @{ uid = $UserId; device_flag = $DeviceFlag; node_id = $NodeId } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$wk/_sandbox/wukongim/connections" -ContentType 'application/json' -Body $body
    }
    function Clear-Journal { Invoke-RestMethod -Method Delete -Uri "$wk/_sandbox/requests" | Out-Null }
    function Get-Query([string] $Path) { @(Get-SandboxRequest $wk -Path $Path | ForEach-Object { $_.query }) }
    function New-Csv([string] $Text) {
        $path = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString('N') + '.csv')
        Set-Content -Path $path -Value $Text
        $path
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Get-ImConnection' {
    BeforeAll {
        Invoke-RestMethod -Method Delete -Uri "$wk/_sandbox/wukongim/connections" | Out-Null
        1..5 | ForEach-Object { Add-TestConnection "ops-$_" ($_ % 3) } | Out-Null
        $null = Add-TestConnection 'ops-10'
    }
    BeforeEach { Clear-Journal }

    It '-First 2 stops after the pages it needs' {
        $listed = Get-ImConnection -First 2 -PageSize 1
        $listed.UserId | Should -Be @('ops-1', 'ops-2')
        Get-Query '/connz' | Should -Be @('?offset=0&limit=1', '?offset=1&limit=1')
    }

    It 'Select-Object -First stops the paging upstream' {
        $listed = Get-ImConnection -PageSize 1 | Select-Object -First 2
        @($listed).Count | Should -Be 2
        (Get-Query '/connz').Count | Should -Be 2
    }

    It 'maps -Skip onto the server offset so no page is wasted' {
        (Get-ImConnection -Skip 3 -First 1 -PageSize 10).UserId | Should -Be 'ops-4'
        Get-Query '/connz' | Should -Be @('?offset=3&limit=1')
    }

    It 'matches -UserId exactly although the server filter is a substring match' {
        (Get-ImConnection -UserId ops-1).UserId | Should -Be 'ops-1'
        Get-Query '/connz' | Should -Be @('?offset=0&limit=100&uid=ops-1')
    }

    It 'sends the literal part of a wildcard to the server and matches the rest here' {
        (Get-ImConnection -UserId 'ops-1*').UserId | Should -Be @('ops-1', 'ops-10')
        Get-Query '/connz' | Should -Be @('?offset=0&limit=100&uid=ops-1')
    }

    It 'asks the server for the top entries with -SortBy and -First' {
        $null = Invoke-RestMethod -Method Post -Uri "$wk/_sandbox/wukongim/connections" -ContentType 'application/json' -Body '{"uid":"ops-busy","in_msgs":999}'
        (Get-ImConnection -SortBy InMessages -Descending -First 1).UserId | Should -Be 'ops-busy'
        Get-Query '/connz' | Should -Be @('?offset=0&limit=1&sort=inMsgDesc')
        Get-ImConnection -UserId ops-busy | Remove-ImConnection
    }

    It 'reports the node total as an estimate with -IncludeTotalCount' {
        $out = @(Get-ImConnection -IncludeTotalCount -First 1)
        $out.Count | Should -Be 2
        ($out[0] | Out-String) | Should -Match 'Estimated total count: 6'
    }

    It 'fails with one clear error on a provider without connections' {
        $wf = Connect-ImServer -Uri $sandbox.wildfire -Secret (ConvertTo-TestSecret $sandbox.wildfireSecret) -SkipValidation -Name wf -PassThru
        $err = { Get-ImConnection -Session $wf } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'Wildfire'
        $err.Exception.Message | Should -Match '/connz'
        Disconnect-ImServer -Name wf
        $null = Connect-SandboxWuKong $sandbox
    }
}

Describe 'Disconnect-ImConnection and Remove-ImConnection' {
    BeforeEach { Clear-Journal }

    It 'Get-ImConnection | Disconnect-ImConnection -WhatIf sends nothing' {
        $null = Add-TestConnection 'whatif-1'
        Get-ImConnection -UserId whatif-1 | Disconnect-ImConnection -WhatIf
        Get-SandboxRequest $wk -Path '/conn/kick' | Should -BeNullOrEmpty
        (Get-ImConnection -UserId whatif-1).UserId | Should -Be 'whatif-1'
    }

    It 'Get-ImConnection -UserId | Disconnect-ImConnection kicks that user''s connections' {
        $first = Add-TestConnection 'kick-1'
        $second = Add-TestConnection 'kick-1' 1
        $done = Get-ImConnection -UserId kick-1 | Disconnect-ImConnection -PassThru
        # Rows run concurrently: results come back as their calls finish.
        ($done.ConnectionId | Sort-Object) | Should -Be (@($first.id, $second.id) | Sort-Object)
        @(Get-SandboxRequest $wk -Path '/conn/kick').Count | Should -Be 2
        Get-ImConnection -UserId kick-1 | Should -BeNullOrEmpty
    }

    It 'reaches a connection held by another node' {
        $null = Add-TestConnection 'remote-1' 0 1002
        Get-ImConnection -NodeId 1002 -UserId remote-1 | Remove-ImConnection
        (Get-SandboxRequest $wk -Path '/conn/remove').body | Should -Match '"op_node_id":1002'
        Get-ImConnection -NodeId 1002 -UserId remote-1 | Should -BeNullOrEmpty
    }

    It 'binds CSV rows and reports a bad row as a non-terminating error whose TargetObject is that row' {
        $good = Add-TestConnection 'csv-kick'
        $csv = New-Csv "uid,ConnectionId`ncsv-kick,$($good.id)`ncsv-bad,0"
        Import-Csv $csv | Disconnect-ImConnection -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.uid | Should -Be 'csv-bad'
        $failed[0].TargetObject.ConnectionId | Should -Be '0'
        $failed[0].Exception.ParameterName | Should -Be 'ConnectionId'
        Get-ImConnection -UserId csv-kick | Should -BeNullOrEmpty
    }

    It 'kicks rows with -ThrottleLimit, and a re-run with the same journal sends nothing again' {
        $journal = Join-Path $TestDrive 'kick.journal'
        1..6 | ForEach-Object { $null = Add-TestConnection 'journal-kick' $_ }
        $rows = @(Get-ImConnection -UserId journal-kick)
        $rows.Count | Should -Be 6
        $first = $rows | Disconnect-ImConnection -ThrottleLimit 3 -Journal $journal -Summary
        $first.Sent | Should -Be 6
        @(Get-SandboxRequest $wk -Path '/conn/kick').Count | Should -Be 6

        $second = $rows | Disconnect-ImConnection -Journal $journal -Summary
        $second.Skipped | Should -Be 6
        $second.Sent | Should -Be 0
        @(Get-SandboxRequest $wk -Path '/conn/kick').Count | Should -Be 6
    }

    It 'points a directly given connection''s error at that connection' {
        Disconnect-ImConnection -UserId direct-1 -ConnectionId 0 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].TargetObject.UserId | Should -Be 'direct-1'
        $failed[0].TargetObject.ConnectionId | Should -Be 0
    }
}

Describe 'System users' {
    BeforeEach { Clear-Journal }

    It 'Import-Csv | Add-ImSystemUser adds every row in one batch' {
        $csv = New-Csv "uid,note`nbot-a,first`nbot-b,second"
        $added = Import-Csv $csv | Add-ImSystemUser -PassThru
        $added.UserId | Should -Be @('bot-a', 'bot-b')
        (Get-ImSystemUser -UserId 'bot-*').UserId | Should -Be @('bot-a', 'bot-b')
        @(Get-SandboxRequest $wk -Path "/user/systemuids_add").Count | Should -Be 1
    }

    It 'reports every row of a failed batch as its own error with that row as TargetObject' {
        Add-SandboxFault $wk @{ path = '/user/systemuids_add'; status = 400; body = '{"msg":"添加系统账号失败！","status":400}' }
        'bot-x', 'bot-y' | Add-ImSystemUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.TargetObject | Should -Be @('bot-x', 'bot-y')
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.ServerMessage | Should -Be '添加系统账号失败！'
    }

    It 'points a failed CSV row''s error at the row, so the failures can be piped back in' {
        Add-SandboxFault $wk @{ path = '/user/systemuids_add'; status = 503; body = '{"msg":"busy","status":503}'; times = 5 }
        $csv = New-Csv "uid,team`nbot-c1,ops`nbot-c2,ops"
        Import-Csv $csv | Add-ImSystemUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.TargetObject.team | Should -Be @('ops', 'ops')
        $failed.TargetObject | Add-ImSystemUser
        (Get-ImSystemUser -UserId 'bot-c*').UserId | Should -Be @('bot-c1', 'bot-c2')
    }

    It 'refuses a call without user ids, and a row without one' {
        { Add-ImSystemUser } | Should -Throw -ErrorId 'ImAdmin.InvalidArgument*'
        [pscustomobject]@{ name = 'x' } | Add-ImSystemUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.ParameterName | Should -Be 'UserId'
        $failed[0].TargetObject.name | Should -Be 'x'
    }

    It 'Remove-ImSystemUser -WhatIf sends nothing; -Confirm:$false removes' {
        'bot-r' | Add-ImSystemUser
        Remove-ImSystemUser bot-r -WhatIf
        Get-SandboxRequest $wk -Path '/user/systemuids_remove' | Should -BeNullOrEmpty
        Remove-ImSystemUser bot-r -Confirm:$false
        Get-ImSystemUser -UserId bot-r -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Set-ImUserToken' {
    It 'never shows the token in output, verbose or debug streams' {
        $secret = 'tok-' + [guid]::NewGuid().ToString('N')
        $out = Set-ImUserToken -UserId tok-user -Token (ConvertTo-TestSecret $secret) -PassThru -Verbose -Debug 4>&1 5>&1 | Out-String
        $out | Should -Not -Match $secret
        $out | Should -Match 'POST /user/token -> 200'
        $out | Should -Match '"token":"\*\*\*"'
    }

    It 'reports a banned person channel with the server code and the user as TargetObject' {
        New-ImChannel -ChannelId banned-1 -ChannelType Person -Ban   # the user's own person channel, as the server stores it
        Set-ImUserToken -UserId banned-1 -Token (ConvertTo-TestSecret 'x') -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].TargetObject | Should -Be 'banned-1'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failed[0].Exception.ServerCode | Should -Be 19
    }

    It 'refuses a device kind without tokens before binding' {
        { Set-ImUserToken -UserId u1 -Token (ConvertTo-TestSecret 'x') -DeviceFlag All } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Get-ImOnlineStatus and Disconnect-ImDevice' {
    BeforeEach { Clear-Journal }

    It 'answers every piped user, online or not' {
        $null = Add-TestConnection 'on-1' 1
        $status = 'on-1', 'off-1' | Get-ImOnlineStatus
        $status | ForEach-Object { "$($_.UserId):$($_.Online):$($_.DeviceFlag)" } | Should -Be @('on-1:True:Web', 'off-1:False:')
        @(Get-SandboxRequest $wk -Path '/user/onlinestatus').Count | Should -Be 1
    }

    It 'binds the Uid column of CSV rows' {
        $csv = New-Csv "Uid`non-1"
        (Import-Csv $csv | Get-ImOnlineStatus).Online | Should -BeTrue
    }

    It 'Disconnect-ImDevice -DeviceFlag All logs every device out' {
        Set-ImUserToken -UserId quit-1 -Token (ConvertTo-TestSecret 'x') -DeviceFlag Web
        $null = Add-TestConnection 'quit-1' 1
        Disconnect-ImDevice -UserId quit-1 -DeviceFlag All
        (Get-SandboxRequest $wk -Path '/user/device_quit').body | Should -Match '"device_flag":-1'
        (Get-ImOnlineStatus quit-1).Online | Should -BeFalse
    }
}

Describe 'Routes and server status' {
    BeforeEach { Clear-Journal }

    It 'routes piped users with one batch call' {
        $routes = 'r-1', 'r-2' | Get-ImUserRoute
        $routes.UserId | Should -Be @('r-1', 'r-2')
        $routes[0].TcpAddress | Should -Not -BeNullOrEmpty
        (Get-SandboxRequest $wk -Path '/route/batch').body | Should -Be '["r-1","r-2"]'
    }

    It 'gets the node status with its busiest connections' {
        $status = Get-ImServerStatus -ConnectionLimit 2
        $status.Version | Should -Not -BeNullOrEmpty
        @($status.TopConnections).Count | Should -Be 2
        Get-Query '/varz' | Should -Be @('?show=conn&conn_limit=2')
    }

    It 'says when "running" most likely means no migration was configured' {
        $migration = Get-ImMigrationStatus
        $migration.Status | Should -Be 'running'
        $migration.Note | Should -Match 'no v1-to-v2 migration is configured'
    }
}
