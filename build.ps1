#Requires -Version 7.0
<#
.SYNOPSIS
    Builds ImAdmin, lays out the Gallery-ready module folder, builds MAML help and runs the tests.
.DESCRIPTION
    Tasks (run in this order when several are given):
      Build  - dotnet build -c Release; the module is laid out in out/ImAdmin (ImAdmin.dll, ImAdmin.Engine.dll,
               dependencies/, Formats/, ImAdmin.psd1).
      Docs   - en-US/ImAdmin.dll-Help.xml from docs/en-US with PlatyPS (Microsoft.PowerShell.PlatyPS, or platyPS 0.x);
               skipped with a warning when neither is installed.
      Test   - tests/run.sh: xunit over loopback HTTP against the sandbox, then Pester against the built module.
      Package - Test-ModuleManifest on out/ImAdmin and a zip for Azure Automation (out/ImAdmin.zip).
.EXAMPLE
    ./build.ps1                 # Build, Docs, Test
.EXAMPLE
    ./build.ps1 -Task Build, Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Docs', 'Test', 'Package')]
    [string[]] $Task = @('Build', 'Docs', 'Test')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleFolder = Join-Path $root 'out/ImAdmin'

function Invoke-Native([string] $Command, [string[]] $Arguments) {
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

if ('Build' -in $Task) {
    Invoke-Native dotnet @('build', (Join-Path $root 'ImAdmin.sln'), '-c', 'Release', '-nologo')
    Write-Host "Module laid out in $moduleFolder"
}

if ('Docs' -in $Task) {
    $docs = Join-Path $root 'docs/en-US'
    $helpFolder = Join-Path $moduleFolder 'en-US'
    if (Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS) {
        Import-Module Microsoft.PowerShell.PlatyPS
        $null = New-Item -ItemType Directory -Force $helpFolder
        $commands = Get-ChildItem $docs -Filter '*-*.md' | Measure-PlatyPSMarkdown | Where-Object Filetype -Match 'CommandHelp' |
            Import-MarkdownCommandHelp -Path { $_.FilePath }
        $commands | Export-MamlCommandHelp -OutputFolder $helpFolder -Force | Out-Null
        Write-Host "MAML help written to $helpFolder"
    } elseif (Get-Module -ListAvailable platyPS) {
        Import-Module platyPS
        New-ExternalHelp -Path $docs -OutputPath $helpFolder -Force | Out-Null
        Write-Host "MAML help written to $helpFolder (platyPS 0.x)"
    } else {
        Write-Warning 'Docs skipped: neither Microsoft.PowerShell.PlatyPS nor platyPS is installed (Install-PSResource Microsoft.PowerShell.PlatyPS).'
    }
}

if ('Test' -in $Task) {
    if ($IsWindows) {
        Invoke-Native dotnet @('test', (Join-Path $root 'ImAdmin.sln'), '-c', 'Release', '--no-build', '-nologo')
        & (Join-Path $root 'tests/pester/Invoke-Tests.ps1')
        if ($LASTEXITCODE -ne 0) { throw 'Pester tests failed.' }
    } else {
        Invoke-Native bash @((Join-Path $root 'tests/run.sh'))
    }
}

if ('Package' -in $Task) {
    $manifest = Test-ModuleManifest (Join-Path $moduleFolder 'ImAdmin.psd1')
    Write-Host "ImAdmin $($manifest.Version) exports $($manifest.ExportedCmdlets.Count) cmdlets."
    $zip = Join-Path $root 'out/ImAdmin.zip'
    # Azure Automation wants a zip whose root folder and manifest are both named ImAdmin.
    Compress-Archive -Path $moduleFolder -DestinationPath $zip -Force
    Write-Host "Automation package: $zip"
}
