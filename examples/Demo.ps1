#Requires -Version 7.0
<#
.SYNOPSIS
    The main job of ImAdmin, end to end: connect, bulk-send from a CSV, look at connections and conversations.
.DESCRIPTION
    Runs against a real WuKongIM server when IMADMIN_PROVIDER=WuKongIM and IMADMIN_URI (and IMADMIN_TOKEN) are set;
    otherwise it builds the repository if needed, starts the bundled sandbox on free loopback ports, runs the same
    steps against it and stops it again.
.EXAMPLE
    pwsh ./examples/Demo.ps1
.EXAMPLE
    $env:IMADMIN_PROVIDER = 'WuKongIM'; $env:IMADMIN_URI = 'http://im.example.com:5001'; pwsh ./examples/Demo.ps1 -From admin
#>
[CmdletBinding()]
param(
    [string] $Csv = (Join-Path $PSScriptRoot 'recipients.csv'),
    [string] $From = 'admin',
    [string] $Text = 'Hello from ImAdmin: maintenance tonight 22:00-23:00 UTC.'
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
$sandbox = $null
if (-not (Test-Path (Join-Path $root 'out/ImAdmin/ImAdmin.dll')) -or -not (Test-Path (Join-Path $root 'src/ImAdmin.Sandbox/bin/Release/net10.0/ImAdmin.Sandbox.dll'))) {
    Write-Host 'Building ImAdmin (dotnet build -c Release)...'
    dotnet build (Join-Path $root 'ImAdmin.sln') -c Release -nologo -v quiet
    if ($LASTEXITCODE -ne 0) { throw 'The build failed.' }
}
Import-Module (Join-Path $root 'ImAdmin.psd1') -Force

try {
    if ($env:IMADMIN_PROVIDER -and $env:IMADMIN_URI) {
        Write-Host "Connecting to $env:IMADMIN_URI from IMADMIN_* environment variables..."
        Connect-ImServer
    } else {
        Import-Module (Join-Path $root 'tests/pester/TestHelpers.psm1') -Force
        Write-Host 'No IMADMIN_PROVIDER/IMADMIN_URI set: starting the bundled sandbox on 127.0.0.1...'
        $sandbox = Start-ImSandbox -Seed
        $null = Connect-SandboxWuKong $sandbox -Name sandbox
    }
    Get-ImSession | Format-Table
    Test-ImServer | Format-Table

    Write-Host "`n1. Bulk send from $Csv (rows batched into /message/sendbatch):"
    Import-Csv $Csv | Send-ImMessage -From $From -Text $Text -PassThru | Format-Table

    Write-Host '2. Connections on the server (paged lazily; first 10):'
    Get-ImConnection -First 10 | Format-Table

    $first = (Import-Csv $Csv | Select-Object -First 1).UserId
    Write-Host "3. Conversations of '$first' with their recent messages:"
    Sync-ImConversation -UserId $first -MessageCount 3 | Format-Table
} finally {
    Get-ImSession | Disconnect-ImServer
    if ($sandbox) { Stop-ImSandbox $sandbox; Write-Host 'Sandbox stopped.' }
}
