# Help of the built module as an admin sees it: Get-Help finds MAML for every exported cmdlet (synopsis, examples,
# parameter descriptions from docs/en-US), about_ImAdmin is found, and the help converter refuses broken pages.
# Invoke-Tests.ps1 builds the help into out/ImAdmin/en-US before Pester runs.

BeforeDiscovery {
    # The module folder, not the repository's development manifest: Get-Help looks for en-US under the ModuleBase,
    # which is the folder of the manifest that was imported.
    $moduleManifest = Join-Path $PSScriptRoot '../../out/ImAdmin/ImAdmin.psd1'
    Import-Module $moduleManifest -Force
    $cmdlets = foreach ($command in Get-Command -Module ImAdmin -CommandType Cmdlet) {
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters })
        }
    }
}

BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $moduleFolder = Join-Path $repoRoot 'out/ImAdmin'
    Import-Module (Join-Path $moduleFolder 'ImAdmin.psd1') -Force

    # The first paragraph under '## SYNOPSIS' and the number of '### Example' headings of a docs page.
    function Get-PageFacts([string] $Name) {
        $text = Get-Content -Raw (Join-Path $repoRoot "docs/en-US/$Name.md")
        $synopsis = [regex]::Match($text, '## SYNOPSIS\s*\n(?<s>(.+\n)+)').Groups['s'].Value -replace '\s+', ' '
        @{ Synopsis = $synopsis.Trim(); ExampleCount = [regex]::Matches($text, '(?m)^### Example').Count }
    }
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $page = Get-PageFacts $Name
    }

    It 'shows the synopsis of its docs page, not the generated syntax line' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + '\s+\[')
        $help.Synopsis | Should -Be $page.Synopsis
    }

    It 'shows every example of its page, each with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 1
        $examples.Count | Should -Be $page.ExampleCount
        foreach ($example in $examples) { $example.code | Should -Not -BeNullOrEmpty -Because $example.title }
        $shown = Get-Help $Name -Examples | Out-String -Width 4096
        $shown.Contains($examples[0].code.Split("`n")[0].Trim()) | Should -BeTrue -Because 'Get-Help -Examples shows the code'
    }

    It 'describes -<_>' -ForEach $Parameters {
        $parameter = @($help.parameters.parameter | Where-Object name -EQ $_)
        $parameter.Count | Should -Be 1 -Because "-$_ must appear once in the parameter list"
        ($parameter[0].description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'shows one syntax block per parameter set, with the set''s parameters' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        $expected = (Get-Command $Name).ParameterSets |
            ForEach-Object { ($_.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object) -join ' ' } | Sort-Object
        # A set without own parameters has no 'parameter' property at all.
        $shown = @($help.syntax.syntaxItem) |
            ForEach-Object { (@($_.PSObject.Properties['parameter']?.Value.name) | Sort-Object) -join ' ' } | Sort-Object
        $shown | Should -Be $expected
    }
}

Describe 'Get-Help about_ImAdmin' {
    It 'finds the topic in the module folder''s en-US' {
        Join-Path $moduleFolder 'en-US/about_ImAdmin.help.txt' | Should -Exist
        $text = Get-Help about_ImAdmin | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'Connect-ImServer'
        $text | Should -Not -Match '(?m)^#' -Because 'markdown headings are converted'
    }
}

Describe 'tools/ConvertTo-ImMaml.ps1' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $converter = Join-Path $repoRoot 'tools/ConvertTo-ImMaml.ps1'
        $docs = Join-Path $repoRoot 'docs/en-US'

        # A docs folder with a valid Get-ImSession page and a Test-ImServer page changed by $Edit.
        function New-DocsFolder([scriptblock] $Edit) {
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory $folder
            Copy-Item (Join-Path $docs 'Get-ImSession.md') $folder
            $text = Get-Content -Raw (Join-Path $docs 'Test-ImServer.md')
            Set-Content -Path (Join-Path $folder 'Test-ImServer.md') -Value (& $Edit $text) -NoNewline
            $folder
        }
    }

    It 'fails naming the page and the section when a required section is missing' {
        $folder = New-DocsFolder { param($t) $t -replace '(?s)## EXAMPLES.*?(?=## PARAMETERS)', '' }
        { & $converter -DocsPath $folder -OutputPath (Join-Path $folder 'out') 3>$null } |
            Should -Throw -ExpectedMessage '*Test-ImServer.md*## EXAMPLES*'
    }

    It 'fails when a parameter of the cmdlet is not documented' {
        $folder = New-DocsFolder { param($t) $t -replace '(?s)### -Quiet.*?(?=### -Session)', '' }
        { & $converter -DocsPath $folder -OutputPath (Join-Path $folder 'out') 3>$null } |
            Should -Throw -ExpectedMessage '*Test-ImServer.md*-Quiet*not documented*'
    }

    It 'fails when an example has no code' {
        $folder = New-DocsFolder { param($t) $t -replace '(?s)```powershell\s+if \(-not.*?```', 'Prose only.' }
        { & $converter -DocsPath $folder -OutputPath (Join-Path $folder 'out') 3>$null } |
            Should -Throw -ExpectedMessage '*Test-ImServer.md*Example 2*code*'
    }

    It 'still writes the help of the valid pages' {
        $folder = New-DocsFolder { param($t) $t -replace '## SYNOPSIS', '## SUMMARY' }
        { & $converter -DocsPath $folder -OutputPath (Join-Path $folder 'out') 3>$null } | Should -Throw
        [xml] $maml = Get-Content -Raw (Join-Path $folder 'out/ImAdmin.dll-Help.xml')
        $names = @($maml.helpItems.command | ForEach-Object { $_.details.name })
        $names | Should -Be @('Get-ImSession')
    }

    It 'exits non-zero and names the page when run as a build step' {
        $folder = New-DocsFolder { param($t) $t -replace '## OUTPUTS', '## RESULTS' }
        $output = Invoke-PowerShell -NoProfile -File $converter -DocsPath $folder -OutputPath (Join-Path $folder 'out') 2>&1 | Out-String
        $LASTEXITCODE | Should -Not -Be 0
        # The host wraps the error in a frame ('     | ') at its width, possibly inside the path, and may colour it.
        $text = $output -replace '\e\[[0-9;]*m' -replace '[\s|]+'
        $text | Should -BeLike '*Test-ImServer.md*##OUTPUTS*'
    }

    It 'escapes markup characters and keeps example code verbatim' {
        $folder = New-DocsFolder { param($t) $t -replace 'Checks that a session', 'Checks <b> & "quotes" that a session' }
        & $converter -DocsPath $folder -OutputPath (Join-Path $folder 'out') 3>$null
        [xml] $maml = Get-Content -Raw (Join-Path $folder 'out/ImAdmin.dll-Help.xml')
        $command = $maml.helpItems.command | Where-Object { $_.details.name -eq 'Test-ImServer' }
        $command.details.description.para | Should -BeLike 'Checks <b> & "quotes" that a session*'
        $command.examples.example[1].code | Should -Be "if (-not (Test-ImServer -Quiet)) { throw 'IM server unavailable' }"
    }
}
