# Starting this same PowerShell in a new process, the portable way: shared by build.ps1 and the Pester tests.

function Get-PowerShellCommand {
    <#
    .SYNOPSIS
        The command line that starts this same PowerShell in a new process: an installed pwsh or Windows PowerShell
        is its own executable; the PowerShell .NET tool runs as `dotnet <pwsh.dll>`, so the entry assembly is kept.
    #>
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, [Environment]::GetCommandLineArgs()[0]) }
    else { @($process) }
}

function Invoke-PowerShell {
    <# .SYNOPSIS Runs this same PowerShell in a new process with the given arguments; $LASTEXITCODE is its exit code. #>
    $command = @(Get-PowerShellCommand)
    $prefix = @($command | Select-Object -Skip 1)
    & $command[0] @prefix @args
}

Export-ModuleMember -Function Get-PowerShellCommand, Invoke-PowerShell
