# Tencent Cloud IM groups through the channel cmdlets: New-/Get-/Remove-ImChannel -ChannelType Group and group membership from CSV.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed
    $script:tc = Connect-SandboxTencent $sandbox -Name tcchannels

    function Get-Call([string] $Api) {
        , @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path "/v4/group_open_http_svc/$Api")
    }
    function New-TestId([string] $Prefix) { "$Prefix-" + [guid]::NewGuid().ToString('N').Substring(0, 10) }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Tencent Cloud IM groups as channels' {
    It 'creates a group with a type, name and owner, and Get-ImChannel reads it back' {
        $group = New-TestId 'ops'
        New-ImChannel -ChannelId $group -ChannelType Group -GroupType Public -Name 'Ops' -Owner alice -Session $tc
        $read = Get-ImChannel -ChannelId $group -ChannelType Group -Session $tc
        $read.Name | Should -Be 'Ops'
        $read.Owner | Should -Be 'alice'
        $read.GroupType | Should -Be 'Public'
        $read.MemberCount | Should -Be 1
        ((Get-Call 'create_group')[-1].body | ConvertFrom-Json).Type | Should -Be 'Public'
    }

    It 'adds the members of a CSV in calls of 300, lists and removes them' {
        $group = New-TestId 'csv'
        New-ImChannel -ChannelId $group -ChannelType Group -Name 'From CSV' -Session $tc
        $ids = 1..350 | ForEach-Object { New-TestId 'm' }
        $ids | New-ImUser -Session $tc
        $csv = (@('UserId') + $ids) -join "`n" | ConvertFrom-Csv
        $before = (Get-Call 'add_group_member').Count
        $csv | Add-ImChannelSubscriber -ChannelId $group -ChannelType Group -Session $tc
        (Get-Call 'add_group_member').Count - $before | Should -Be 2
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group -Session $tc).Count | Should -Be 350
        $csv | Select-Object -First 150 | Remove-ImChannelSubscriber -ChannelId $group -ChannelType Group -Confirm:$false -Session $tc
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group -Session $tc).Count | Should -Be 200
    }

    It 'fails only the CSV rows whose members the server refused, and passes the added ones through' {
        $group = New-TestId 'refuse'
        New-ImChannel -ChannelId $group -ChannelType Group -Name 'Some refused' -Session $tc
        $known = 1..3 | ForEach-Object { New-TestId 'ok' }
        $known | New-ImUser -Session $tc
        $ghosts = 1..2 | ForEach-Object { New-TestId 'ghost' }
        $path = Join-Path $TestDrive 'members.csv'
        (@('UserId,Team', "$($known[0]),a", "$($ghosts[0]),b", "$($known[1]),c", "$($ghosts[1]),d", "$($known[2]),e") -join "`n") | Set-Content $path
        $before = (Get-Call 'add_group_member').Count

        $added = Import-Csv $path | Add-ImChannelSubscriber -ChannelId $group -ChannelType Group -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed

        (Get-Call 'add_group_member').Count - $before | Should -Be 1
        @($failed).Count | Should -Be 2
        @($failed | ForEach-Object { $_.TargetObject.UserId }) | Should -Be $ghosts
        @($failed | ForEach-Object { $_.TargetObject.Team }) | Should -Be @('b', 'd')
        $failed[0].Exception.Message | Should -BeLike "*$($ghosts[0])*Result 0*"
        $failed[0].Exception.Message | Should -Not -BeLike "*$($ghosts[1])*"
        @($added.UserId) | Should -Be $known
        @(Get-ImChannelSubscriber -ChannelId $group -ChannelType Group -Session $tc).UserId | Sort-Object | Should -Be ($known | Sort-Object)
    }

    It 'reports an unknown group per row' {
        $rows = "UserId`nalice`nbob" | ConvertFrom-Csv
        $rows | Add-ImChannelSubscriber -ChannelId (New-TestId 'none') -ChannelType Group -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 2
        $failed[1].TargetObject.UserId | Should -Be 'bob'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses a group type Tencent does not have before sending' {
        $before = (Get-Call 'create_group').Count
        { New-ImChannel -ChannelId (New-TestId 'x') -ChannelType Group -Name x -GroupType Organization -Session $tc } | Should -Throw '*GroupType*'
        (Get-Call 'create_group').Count | Should -Be $before
    }

    It 'removes nothing with -WhatIf, then dismisses the group' {
        $group = New-TestId 'gone'
        New-ImChannel -ChannelId $group -ChannelType Group -Name 'Gone' -Session $tc
        Remove-ImChannel -ChannelId $group -ChannelType Group -WhatIf -Session $tc
        (Get-ImChannel -ChannelId $group -ChannelType Group -Session $tc).ChannelId | Should -Be $group
        Remove-ImChannel -ChannelId $group -ChannelType Group -Confirm:$false -Session $tc
        Get-ImChannel -ChannelId $group -ChannelType Group -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
