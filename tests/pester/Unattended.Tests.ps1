# Unattended hosts (Azure Automation, `pwsh -NonInteractive`, scheduled tasks): every ConfirmImpact High cmdlet, run
# in a new non-interactive PowerShell, stops with PowerShell's "cannot prompt" error unless -Confirm:$false is given,
# and then does its work. The child is this same PowerShell, started the portable way (Invoke-PowerShell).
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sandbox = Start-ImSandbox -Seed -WildfireProfessional
    $sandboxFile = Join-Path ([IO.Path]::GetTempPath()) ("imadmin-unattended-" + [guid]::NewGuid().ToString('N') + '.json')
    $sandbox | Select-Object * -ExcludeProperty Process | ConvertTo-Json | Set-Content $sandboxFile
    $child = Join-Path $PSScriptRoot 'Invoke-HighImpactCmdlets.ps1'
    $module = Join-Path $PSScriptRoot '../../out/ImAdmin/ImAdmin.psd1'
    $lines = Invoke-PowerShell -NoProfile -NonInteractive -File $child -SandboxFile $sandboxFile -ModulePath $module
    $script:exitCode = $LASTEXITCODE
    Remove-Item $sandboxFile
    $script:reports = @($lines | Where-Object { $_ -like '{*' } | ConvertFrom-Json)
    $script:high = ($reports | Where-Object Kind -EQ HighCmdlets).Names
    $script:runs = @($reports | Where-Object Kind -EQ Run)
}

AfterAll { Stop-ImSandbox $script:sandbox }

Describe 'ConfirmImpact High cmdlets under pwsh -NonInteractive' {
    It 'the child PowerShell ran to the end' {
        $exitCode | Should -Be 0
    }

    It 'prompts by default only for what cannot be undone' {
        $high | Should -Be @('Clear-ImMessage', 'Remove-ImChannel', 'Remove-ImConversation', 'Remove-ImMessage', 'Remove-ImUser', 'Revoke-ImMessage')
    }

    It 'has a scenario for every High cmdlet' {
        @($runs.Cmdlet | Sort-Object -Unique) | Should -Be @($high)
    }

    It '<_> without -Confirm:$false stops with the "cannot prompt" error and writes nothing' -ForEach @(
        'Clear-ImMessage', 'Remove-ImChannel', 'Remove-ImConversation', 'Remove-ImMessage', 'Remove-ImUser', 'Revoke-ImMessage') {
        $name = $_
        $run = $runs | Where-Object { $_.Cmdlet -eq $name -and -not $_.ConfirmFalse }
        $run.Exception | Should -Be 'System.Management.Automation.PSInvalidOperationException'
        $run.Message | Should -Match 'NonInteractive mode'
        $run.ErrorId | Should -BeLike "InvalidOperation,ImAdmin.Cmdlets.*"
        $run.Output | Should -Be 0
    }

    It '<_> with -Confirm:$false does its work' -ForEach @(
        'Clear-ImMessage', 'Remove-ImChannel', 'Remove-ImConversation', 'Remove-ImMessage', 'Remove-ImUser', 'Revoke-ImMessage') {
        $name = $_
        $run = $runs | Where-Object { $_.Cmdlet -eq $name -and $_.ConfirmFalse }
        $run.ErrorId | Should -BeNullOrEmpty
        $run.Output | Should -Be 1
    }
}
