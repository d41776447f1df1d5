# New-, Get-, Set-, Remove-ImUser on Tencent Cloud IM: onboarding from CSV, re-runs, per-row errors, -WhatIf, pipelines.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
    $script:tc = Connect-SandboxTencent $sandbox -Name tcusers

    function Get-Call([string] $Api) {
        , @(Get-SandboxRequest -BaseUri $sandbox.tencent -Path "/v4/$Api")
    }
    function New-TestId([string] $Prefix) { "$Prefix-" + [guid]::NewGuid().ToString('N').Substring(0, 10) }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'New-ImUser' {
    It 'onboards a CSV with Name and Avatar columns, and a re-run succeeds without duplicates' {
        $ids = 1..3 | ForEach-Object { New-TestId 'csv' }
        $csv = "UserId,Name,Avatar`n$($ids[0]),Ann,https://cdn.example/a.png`n$($ids[1]),Bo,`n$($ids[2]),," | ConvertFrom-Csv
        $first = $csv | New-ImUser -PassThru -Session $tc
        $again = $csv | New-ImUser -PassThru -Session $tc
        $first.Count | Should -Be 3
        $again.Count | Should -Be 3
        $read = Get-ImUser -UserId $ids -Session $tc
        ($read | Sort-Object UserId | ForEach-Object { "$($_.UserId)=$($_.DisplayName)|$($_.AvatarUri)" }) |
            Should -Be (@("$($ids[0])=Ann|https://cdn.example/a.png", "$($ids[1])=Bo|", "$($ids[2])=|") | Sort-Object)
        $read[0].Exists | Should -BeTrue
        $read[0].Provider | Should -Be 'TencentCloud'
    }

    It 'imports ids only in calls of 100' {
        $before = (Get-Call 'im_open_login_svc/multiaccount_import').Count
        1..150 | ForEach-Object { New-TestId 'bulk' } | New-ImUser -Session $tc
        (Get-Call 'im_open_login_svc/multiaccount_import').Count - $before | Should -Be 2
    }

    It 'refuses an id over 32 bytes for its row only, before sending' {
        $good = New-TestId 'ok'
        $rows = "UserId`n$('x' * 33)`n$good" | ConvertFrom-Csv
        $made = $rows | New-ImUser -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        $made.UserId | Should -Be $good
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.UserId | Should -Be ('x' * 33)
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'creates nothing with -WhatIf' {
        $id = New-TestId 'whatif'
        New-ImUser -UserId $id -DisplayName 'Not made' -Session $tc -WhatIf
        { Get-ImUser -UserId $id -Session $tc } | Should -Throw
    }
}

Describe 'Get-ImUser, Set-ImUser and Remove-ImUser' {
    BeforeAll {
        $script:ids = 1..2 | ForEach-Object { New-TestId 'life' }
        $ids | New-ImUser -Session $tc
    }

    It 'reports a missing user as an ObjectNotFound error whose TargetObject is the id' {
        $ghost = New-TestId 'ghost'
        $found = Get-ImUser -UserId $ids[0], $ghost -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        $found.UserId | Should -Be $ids[0]
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $ghost
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'changes a display name through the pipeline and -PassThru shows the server state' {
        $changed = Get-ImUser -UserId $ids[0] -Session $tc | Set-ImUser -DisplayName 'Renamed' -PassThru -Session $tc
        $changed.DisplayName | Should -Be 'Renamed'
        (Get-Call 'profile/portrait_set')[-1].body | Should -Match 'Tag_Profile_IM_Nick'
        (Get-Call 'profile/portrait_set')[-1].body | Should -Not -Match 'Tag_Profile_IM_Image'
    }

    It 'refuses Set-ImUser without anything to change' {
        { Set-ImUser -UserId $ids[0] -Session $tc } | Should -Throw -ExpectedMessage '*-DisplayName*'
    }

    It 'deletes nothing with -WhatIf, then deletes with -Confirm:$false and reports an unknown id per row' {
        Remove-ImUser -UserId $ids -Session $tc -WhatIf
        (Get-ImUser -UserId $ids -Session $tc).Count | Should -Be 2
        $ghost = New-TestId 'ghost'
        $removed = Remove-ImUser -UserId ($ids + $ghost) -Confirm:$false -PassThru -Session $tc -ErrorAction SilentlyContinue -ErrorVariable failed
        $removed.UserId | Should -Be $ids
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $ghost
        $failed[0].Exception.Kind | Should -Be 'NotFound'
    }
}
