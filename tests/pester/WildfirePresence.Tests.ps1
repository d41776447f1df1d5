# Get-ImOnlineStatus and Disconnect-ImDevice on WildfireChat: the cmdlets are the same ones WuKongIM and Tencent use,
# reached through the provider's capabilities; client sessions are logged in through the sandbox control API.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox

    function Connect-TestClient([string] $UserId, [string] $ClientId, [int] $Platform, [bool] $Online = $true) {
        $body = @{ userId = $UserId; clientId = $ClientId; platform = $Platform; online = $Online } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$($sandbox.wildfire)/_sandbox/wildfire/clients" -ContentType 'application/json' -Body $body | Out-Null
    }
    function Get-KickBody { @(Get-SandboxRequest -BaseUri $sandbox.wildfire -Path '/admin/user/kickoff_client') | ForEach-Object body }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Presence on WildfireChat' {
    BeforeEach {
        Connect-SandboxWildfire $sandbox | Out-Null
        Invoke-RestMethod -Method Delete -Uri "$($sandbox.wildfire)/_sandbox/requests" | Out-Null
    }
    AfterEach { Get-ImSession | Disconnect-ImServer }

    It 'Get-ImOnlineStatus writes one object per client session from CSV rows, and Online $false for a user without one' {
        $user = "wp$(Get-Random)"; $other = "wq$(Get-Random)"
        Connect-TestClient $user "$user-phone" 1
        Connect-TestClient $user "$user-desk" 3 $false
        $rows = "UserId`n$user`n$other" | ConvertFrom-Csv

        $statuses = @($rows | Get-ImOnlineStatus)

        $statuses.Count | Should -Be 3
        $phone = $statuses | Where-Object ClientId -eq "$user-phone"
        $phone.Online | Should -BeTrue
        "$($phone.Platform)" | Should -Be 'iOS'
        "$($phone.DeviceFlag)" | Should -Be 'App'
        ($statuses | Where-Object ClientId -eq "$user-desk").Online | Should -BeFalse
        ($statuses | Where-Object UserId -eq $other).Online | Should -BeFalse
    }

    It 'Get-ImOnlineStatus | Disconnect-ImDevice logs out the kind of device each status names' {
        $user = "wd$(Get-Random)"
        Connect-TestClient $user "$user-web" 5
        Connect-TestClient $user "$user-mac" 4

        Get-ImOnlineStatus -UserId $user | Where-Object DeviceFlag -eq 'Web' | Disconnect-ImDevice -Confirm:$false

        Get-KickBody | Should -Be "{`"first`":`"$user`",`"second`":`"$user-web`"}"
        @(Get-ImOnlineStatus -UserId $user).ClientId | Should -Be "$user-mac"
    }

    It 'Disconnect-ImDevice without -DeviceFlag logs out every client in one call; -WhatIf sends nothing' {
        $user = "wa$(Get-Random)"
        Connect-TestClient $user "$user-1" 2
        Connect-TestClient $user "$user-2" 7

        Disconnect-ImDevice -UserId $user -WhatIf
        @(Get-KickBody).Count | Should -Be 0

        $out = Disconnect-ImDevice -UserId $user -Confirm:$false -PassThru
        "$($out.DeviceFlag)" | Should -Be 'All'
        Get-KickBody | Should -Be "{`"first`":`"$user`"}"
        (Get-ImOnlineStatus -UserId $user).ClientId | Should -BeNullOrEmpty
    }
}
