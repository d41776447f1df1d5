#Requires -Version 7.0
<#
.SYNOPSIS
    Runs the Pester tests of the built module (tests/pester/*.Tests.ps1) in this PowerShell.
.DESCRIPTION
    Expects `dotnet build -c Release` to have run. Builds the help into out/ImAdmin/en-US first (build.ps1 -Task Docs:
    PlatyPS when installed, otherwise tools/ConvertTo-ImMaml.ps1), so the tests read the help that ships.
    Writes "<passed> <failed>" to -ResultFile for tests/run.sh.
#>
param([string] $ResultFile)

$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0

# A broken docs page counts as one failure but does not stop the run: the valid pages' help is still written, and
# Help.Tests.ps1 then names each cmdlet left without help.
$helpFailures = 0
try { & (Join-Path $PSScriptRoot '../../build.ps1') -Task Docs }
catch { Write-Host "Help build FAILED: $_"; $helpFailures = 1 }

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
$result = Invoke-Pester -Configuration $config
$failed = $result.FailedCount + $helpFailures
"Pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
if ($ResultFile) { "$($result.PassedCount) $failed" | Set-Content -Path $ResultFile }
exit ([int]($failed -gt 0))
