#Requires -Version 7.0
<#
.SYNOPSIS
    Runs the Pester tests of the built module (tests/pester/*.Tests.ps1) in this PowerShell.
.DESCRIPTION
    Expects `dotnet build -c Release` to have run. Writes "<passed> <failed>" to -ResultFile for tests/run.sh.
#>
param([string] $ResultFile)

$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
$result = Invoke-Pester -Configuration $config
"Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
if ($ResultFile) { "$($result.PassedCount) $($result.FailedCount)" | Set-Content -Path $ResultFile }
exit ([int]($result.FailedCount -gt 0))
