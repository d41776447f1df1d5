# build.ps1 -Task Package: the Gallery layout publishes to a local file repository, installs from it by name into a
# fresh user profile and imports by name with its help; the Azure Automation zip has the layout Automation expects.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:moduleFolder = Join-Path $root 'out/ImAdmin'
    $script:zip = Join-Path $root 'out/ImAdmin.zip'
    & (Join-Path $root 'build.ps1') -Task Package *> $null
    $script:version = ([xml](Get-Content (Join-Path $root 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version
}

Describe 'The packaged module' {
    It 'passes Test-ModuleManifest with the version of Directory.Build.props, current release notes and HelpInfoUri' {
        $manifest = Test-ModuleManifest (Join-Path $moduleFolder 'ImAdmin.psd1')
        $manifest.Version | Should -Be ([version]$version)
        $manifest.HelpInfoUri | Should -Match '^https://'
        $manifest.ReleaseNotes | Should -Match "^$([regex]::Escape($version)):"
        $manifest.ExportedCmdlets.Count | Should -Be (Import-PowerShellDataFile (Join-Path $root 'ImAdmin.psd1')).CmdletsToExport.Count
        (Import-PowerShellDataFile (Join-Path $moduleFolder 'ImAdmin.psd1')).Keys | Should -Not -Contain 'ScriptsToProcess'
    }

    It 'zips for Azure Automation with ImAdmin/ as the only root folder and the manifest, assemblies, formats and help in it' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead($zip)
        try { $entries = @($archive.Entries.FullName -replace '\\', '/') } finally { $archive.Dispose() }
        $entries | Where-Object { $_ -notlike 'ImAdmin/*' } | Should -BeNullOrEmpty
        foreach ($file in 'ImAdmin/ImAdmin.psd1', 'ImAdmin/ImAdmin.dll', 'ImAdmin/ImAdmin.Engine.dll', 'ImAdmin/dependencies/System.Text.Json.dll',
            'ImAdmin/Formats/ImAdmin.Format.ps1xml', 'ImAdmin/en-US/ImAdmin.dll-Help.xml', 'ImAdmin/en-US/about_ImAdmin.help.txt') {
            $entries | Should -Contain $file
        }
    }

    It 'publishes to a local file repository, installs by name into a fresh profile, imports by name and has help' -Skip:$IsWindows {
        $fresh = Join-Path ([IO.Path]::GetTempPath()) ('imadmin-install-' + [guid]::NewGuid().ToString('N'))
        $repository = Join-Path $fresh 'repository'
        # .NET finds no LocalApplicationData unless the folder exists; PSResourceGet then writes its store to the
        # current directory.
        $null = New-Item -ItemType Directory $repository, (Join-Path $fresh 'home/.local/share')
        $saved = $env:HOME, $env:XDG_DATA_HOME, $env:PSModulePath
        try {
            # A new HOME is a fresh user profile: its repository list and CurrentUser module folder start empty.
            $env:HOME = Join-Path $fresh 'home'; $env:XDG_DATA_HOME = Join-Path $fresh 'home/.local/share'
            $env:PSModulePath = $null
            $installed = Invoke-PowerShell -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Install-FromLocalRepository.ps1') `
                -RepositoryFolder $repository -ModuleFolder $moduleFolder
            $LASTEXITCODE | Should -Be 0 -Because ($installed -join "`n")
            Get-ChildItem $repository -Filter "ImAdmin.$version.nupkg" | Should -Not -BeNullOrEmpty
            Join-Path $fresh 'home/.local/share/PSResourceGet/PSResourceRepository.xml' | Should -Exist
            $probe = 'Import-Module ImAdmin; (Get-Module ImAdmin).ModuleBase; (Get-Help Send-ImMessage -Examples | Out-String -Width 200)'
            $output = Invoke-PowerShell -NoProfile -NonInteractive -Command $probe
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
            $output[0] | Should -BeLike "$fresh*"
            ($output -join "`n") | Should -Match 'Example 1'
            ($output -join "`n") | Should -Match 'Import-Csv'
        } finally {
            $env:HOME, $env:XDG_DATA_HOME, $env:PSModulePath = $saved
            Remove-Item $fresh -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
