# Helpers shared by the Pester files: start the sandbox in its own process on free ports, and stop it.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
# Get-PowerShellCommand and Invoke-PowerShell, re-exported below for the tests.
Import-Module (Join-Path $script:RepoRoot 'tools/PowerShellProcess.psm1')

function Start-ImSandbox {
    <#
    .SYNOPSIS
        Starts the built sandbox on free loopback ports; returns its addresses and sandbox-only credentials.
        -Seed adds the demo users, connections and messages; -WildfireProfessional adds WildfireChat's pro-only routes.
        The process stops by itself when this PowerShell exits, or after 15 minutes.
    #>
    param([switch] $NoToken, [switch] $Seed, [switch] $WuKongSearchPlugin, [string] $WuKongVersion, [switch] $WildfireProfessional)
    $dll = Join-Path $script:RepoRoot 'src/ImAdmin.Sandbox/bin/Release/net10.0/ImAdmin.Sandbox.dll'
    if (-not (Test-Path $dll)) { throw "Build first: dotnet build ImAdmin.sln -c Release ($dll is missing)." }
    $ready = Join-Path ([IO.Path]::GetTempPath()) ("imadmin-sandbox-" + [guid]::NewGuid().ToString('N') + '.json')
    $arguments = @($dll, '--wukongim-port', '0', '--tencent-port', '0', '--wildfire-port', '0',
        '--ready-file', $ready, '--parent-pid', $PID, '--stop-after', '900')
    if (-not $Seed) { $arguments += '--no-seed' }
    if ($NoToken) { $arguments += '--no-token' }
    if ($WuKongSearchPlugin) { $arguments += '--wukongim-search-plugin' }
    if ($WildfireProfessional) { $arguments += '--wildfire-professional' }
    if ($WuKongVersion) { $arguments += '--wukongim-version', $WuKongVersion }
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -RedirectStandardOutput ($ready + '.out')
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $ready)) {
        if ($process.HasExited) { throw "The sandbox exited early: $(Get-Content ($ready + '.out') -Raw)" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw 'The sandbox did not start within 60 s.' }
        Start-Sleep -Milliseconds 100
    }
    $info = Get-Content $ready -Raw | ConvertFrom-Json
    $info | Add-Member -NotePropertyName Process -NotePropertyValue $process
    $info
}

function Stop-ImSandbox {
    param([Parameter(Mandatory)] $Sandbox)
    if (-not $Sandbox.Process.HasExited) { $Sandbox.Process.Kill(); $Sandbox.Process.WaitForExit(10000) | Out-Null }
}

function ConvertTo-TestSecret([string] $Value) { ConvertTo-SecureString $Value -AsPlainText -Force }

function Connect-SandboxWuKong {
    param([Parameter(Mandatory)] $Sandbox, [string] $Name = 'wk')
    Connect-ImServer -Provider WuKongIM -Uri $Sandbox.wuKongIM -Token (ConvertTo-TestSecret $Sandbox.wuKongToken) -Name $Name -PassThru
}

function Connect-SandboxTencent {
    param([Parameter(Mandatory)] $Sandbox, [string] $Name = 'tc')
    Connect-ImServer -SdkAppId $Sandbox.tencentSdkAppId -Uri $Sandbox.tencent -Identifier $Sandbox.tencentIdentifier `
        -SecretKey (ConvertTo-TestSecret $Sandbox.tencentSecretKey) -Name $Name -PassThru
}

function Connect-SandboxWildfire {
    param([Parameter(Mandatory)] $Sandbox, [string] $Name = 'wf')
    Connect-ImServer -Uri $Sandbox.wildfire -Secret (ConvertTo-TestSecret $Sandbox.wildfireSecret) -Name $Name -PassThru
}

function Add-SandboxFault {
    <# Arms a fault on one provider server through the sandbox control API. #>
    param([Parameter(Mandatory)] [string] $BaseUri, [Parameter(Mandatory)] [hashtable] $Fault)
    Invoke-RestMethod -Method Post -Uri "$BaseUri/_sandbox/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null
}

function Get-SandboxRequest {
    <# The requests one provider server received, optionally for one path. #>
    param([Parameter(Mandatory)] [string] $BaseUri, [string] $Path)
    $query = if ($Path) { "?path=$([uri]::EscapeDataString($Path))" } else { '' }
    # Invoke-RestMethod writes a JSON array as ONE object; enumerate it so callers can count and filter entries.
    foreach ($entry in (Invoke-RestMethod -Uri "$BaseUri/_sandbox/requests$query")) { $entry }
}

Export-ModuleMember -Function Get-PowerShellCommand, Invoke-PowerShell, Start-ImSandbox, Stop-ImSandbox, ConvertTo-TestSecret, Connect-SandboxWuKong, Connect-SandboxTencent,
    Connect-SandboxWildfire, Add-SandboxFault, Get-SandboxRequest
