<#
.SYNOPSIS
    Child process of Unattended.Tests.ps1: runs every ConfirmImpact High cmdlet against a sandbox, first as a runbook
    would without -Confirm:$false, then with it, and writes one JSON line per run.
#>
param([Parameter(Mandatory)] [string] $SandboxFile, [Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$sandbox = Get-Content $SandboxFile -Raw | ConvertFrom-Json
$secret = { param($value) ConvertTo-SecureString $value -AsPlainText -Force }
$wk = Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Token (& $secret $sandbox.wuKongToken) -Name wk -PassThru
$wf = Connect-ImServer -Uri $sandbox.wildfire -Secret (& $secret $sandbox.wildfireSecret) -Name wf -PassThru

# One scenario per High cmdlet; each gets the extra arguments (@{} or @{ Confirm = $false }) to splat.
$scenarios = [ordered]@{
    'Remove-ImChannel'      = {
        param($extra)
        $id = 'unattended-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-ImChannel -Session $wk -ChannelId $id -ChannelType Group
        Remove-ImChannel -Session $wk -ChannelId $id -ChannelType Group -PassThru @extra
    }
    'Remove-ImConversation' = { param($extra) Remove-ImConversation -Session $wk -UserId alice -ChannelId bob -ChannelType Person -PassThru @extra }
    'Remove-ImMessage'      = { param($extra) Send-ImMessage -Session $wf -ChannelId admin -Text 'delete me' -PassThru | Remove-ImMessage -Session $wf -PassThru @extra }
    'Clear-ImMessage'       = { param($extra) Clear-ImMessage -Session $wf -UserId alice -ChannelId bob -ChannelType Person -PassThru @extra }
    'Revoke-ImMessage'      = { param($extra) Send-ImMessage -Session $wf -ChannelId admin -Text 'recall me' -PassThru | Revoke-ImMessage -Session $wf -PassThru @extra }
    'Remove-ImUser'         = {
        param($extra)
        $id = 'unattended-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-ImUser -Session $wf -UserId $id
        Remove-ImUser -Session $wf -UserId $id -PassThru @extra
    }
}

# Which exported cmdlets are High, read from the loaded module, so a new High cmdlet without a scenario is noticed.
$high = Get-Command -Module ImAdmin -CommandType Cmdlet | Where-Object {
    $attribute = $_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    $attribute.SupportsShouldProcess -and $attribute.ConfirmImpact -eq 'High'
} | ForEach-Object Name
[pscustomobject]@{ Kind = 'HighCmdlets'; Names = @($high | Sort-Object) } | ConvertTo-Json -Compress

foreach ($name in $scenarios.Keys) {
    foreach ($extra in @{}, @{ Confirm = $false }) {
        $run = [ordered]@{ Kind = 'Run'; Cmdlet = $name; ConfirmFalse = $extra.Count -gt 0; Output = 0; ErrorId = $null; Exception = $null; Message = $null }
        try { $run.Output = @(& $scenarios[$name] $extra).Count }
        catch {
            $run.ErrorId = $_.FullyQualifiedErrorId
            $run.Exception = $_.Exception.GetType().FullName
            $run.Message = $_.Exception.Message
        }
        [pscustomobject]$run | ConvertTo-Json -Compress
    }
}
