#Requires -Version 7.0
<#
.SYNOPSIS
    Builds ImAdmin, lays out the Gallery-ready module folder, builds MAML help and runs the tests.
.DESCRIPTION
    Tasks (run in this order when several are given):
      Build  - dotnet build -c Release; the module is laid out in out/ImAdmin (ImAdmin.dll, ImAdmin.Engine.dll,
               dependencies/, Formats/, ImAdmin.psd1).
      Docs   - out/ImAdmin/en-US: ImAdmin.dll-Help.xml and about_*.help.txt from docs/en-US, with PlatyPS
               (Microsoft.PowerShell.PlatyPS, or platyPS 0.x) when installed, otherwise with tools/ConvertTo-ImMaml.ps1.
               The converter fails, naming the page, when a page misses a required section or parameter.
      Test   - tests/run.sh: xunit over loopback HTTP against the sandbox, then Pester against the built module.
      Package - checks the Gallery layout in out/ImAdmin (Publish-PSResource -Path out/ImAdmin publishes it),
               Test-ModuleManifest, and a zip for Azure Automation (out/ImAdmin.zip, root folder ImAdmin/).
.EXAMPLE
    ./build.ps1                 # Build, Docs, Test
.EXAMPLE
    ./build.ps1 -Task Build, Docs, Package
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Build, Docs, Package     # from bash, with the PowerShell .NET tool
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [string[]] $Task = @('Build', 'Docs', 'Test'),
    # From bash, `pwsh ./build.ps1 -Task Build, Docs, Package` arrives as the strings 'Build,' 'Docs,' 'Package':
    # the arguments after -Task's first are tasks too, and commas separate them.
    [Parameter(ValueFromRemainingArguments, DontShow)]
    [string[]] $MoreTasks = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Task = @(@($Task) + $MoreTasks -split ',' | ForEach-Object Trim | Where-Object { $_ })
$unknown = @($Task | Where-Object { $_ -notin 'Build', 'Docs', 'Test', 'Package' })
if ($unknown) { throw "Unknown task '$($unknown -join "', '")': use Build, Docs, Test or Package." }
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
    $converter = Join-Path $root 'tools/ConvertTo-ImMaml.ps1'
    # The converter imports the built module; its own process (this same PowerShell: pwsh, or `dotnet pwsh.dll` for
    # the .NET tool) keeps an older ImAdmin.dll loaded here out of the way.
    Import-Module (Join-Path $root 'tools/PowerShellProcess.psm1')
    $converterArguments = @('-NoProfile', '-File', $converter, '-DocsPath', $docs, '-OutputPath', $helpFolder)
    if (Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS) {
        Import-Module Microsoft.PowerShell.PlatyPS
        $null = New-Item -ItemType Directory -Force $helpFolder
        $commands = Get-ChildItem $docs -Filter '*-*.md' | Measure-PlatyPSMarkdown | Where-Object Filetype -Match 'CommandHelp' |
            Import-MarkdownCommandHelp -Path { $_.FilePath }
        $written = $commands | Export-MamlCommandHelp -OutputFolder $helpFolder -Force
        # PlatyPS 2 names the file <ModuleName>-Help.xml. PowerShell 7 falls back to that name; Windows PowerShell 5.1
        # only looks for <Assembly>.dll-Help.xml.
        foreach ($file in $written | Where-Object Name -NE 'ImAdmin.dll-Help.xml') {
            Move-Item $file.FullName (Join-Path $helpFolder 'ImAdmin.dll-Help.xml') -Force
        }
        $tool = 'PlatyPS'
    } elseif (Get-Module -ListAvailable platyPS) {
        Import-Module platyPS
        New-ExternalHelp -Path $docs -OutputPath $helpFolder -Force | Out-Null
        $tool = 'platyPS 0.x'
    } else {
        Invoke-PowerShell @converterArguments -ModulePath (Join-Path $moduleFolder 'ImAdmin.psd1')
        if ($LASTEXITCODE -ne 0) { throw "tools/ConvertTo-ImMaml.ps1 failed with exit code $LASTEXITCODE." }
        $tool = $null
    }
    if ($tool) {
        # The about pages follow the PowerShell-Docs layout (# about_X, ## SHORT DESCRIPTION), which PlatyPS 2 does
        # not convert and platyPS 0.x misreads (it takes the second heading for the topic name).
        Invoke-PowerShell @converterArguments -AboutOnly
        if ($LASTEXITCODE -ne 0) { throw "tools/ConvertTo-ImMaml.ps1 -AboutOnly failed with exit code $LASTEXITCODE." }
    }
    Write-Host "Help written to $helpFolder ($($tool ?? 'tools/ConvertTo-ImMaml.ps1; PlatyPS is not installed'))"
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
    # out/ImAdmin is the Gallery layout (Publish-PSResource -Path out/ImAdmin): check it is complete before zipping.
    $required = 'ImAdmin.psd1', 'ImAdmin.dll', 'ImAdmin.Engine.dll', 'dependencies', 'Formats', 'en-US/ImAdmin.dll-Help.xml'
    $missing = @($required | Where-Object { -not (Test-Path (Join-Path $moduleFolder $_)) })
    if ($missing) { throw "out/ImAdmin lacks $($missing -join ', '): run the Build and Docs tasks first (-Task Build, Docs, Package)." }
    $manifest = Test-ModuleManifest (Join-Path $moduleFolder 'ImAdmin.psd1')
    Write-Host "ImAdmin $($manifest.Version) exports $($manifest.ExportedCmdlets.Count) cmdlets."
    $zip = Join-Path $root 'out/ImAdmin.zip'
    # Azure Automation wants a zip whose root folder and manifest are both named ImAdmin.
    Compress-Archive -Path $moduleFolder -DestinationPath $zip -Force
    Write-Host "Gallery layout: $moduleFolder; Automation package: $zip"
}
