#Requires -Version 7.0
<#
.SYNOPSIS
    Builds ImAdmin's help without PlatyPS: the cmdlet pages of docs/en-US become en-US/ImAdmin.dll-Help.xml (MAML),
    the about_*.help.md pages become about_*.help.txt.
.DESCRIPTION
    The fallback of build.ps1's Docs task for machines without PlatyPS. It reads the PlatyPS markdown pages
    (Verb-Noun.md, schema 2.0.0) and imports the built module: syntax, types, parameter sets, positions, pipeline
    input and aliases come from the cmdlets' own metadata, so they cannot drift from the code; descriptions, examples,
    inputs, outputs, notes, links and default values come from the pages.

    A page that misses a required section, has an empty synopsis or an example without code, or does not document
    exactly the parameters of its cmdlet fails the run with an error that names the file. The valid pages are still
    written first, so one broken page does not take the help of every other cmdlet with it.
    Where a page's yaml blocks disagree with the cmdlet (required, position, pipeline input, aliases) a warning says so.
.EXAMPLE
    pwsh -NoProfile -File tools/ConvertTo-ImMaml.ps1
.EXAMPLE
    ./tools/ConvertTo-ImMaml.ps1 -AboutOnly    # PlatyPS 2 builds the MAML but no about topics
#>
using namespace System.Collections.Generic
[CmdletBinding()]
param(
    [string] $DocsPath = (Join-Path $PSScriptRoot '../docs/en-US'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ImAdmin/ImAdmin.psd1'),
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/ImAdmin/en-US'),
    [switch] $AboutOnly
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Namespaces = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}
$RequiredCommandSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS'
# -WhatIf and -Confirm are documented per cmdlet (PlatyPS layout); the other common parameters are not.
$CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

#region Markdown

# A page as PlatyPS sees it: front matter, the '# Title', and '## Section's, each with its own lines and its
# '### Item' sub-sections. Headings inside ``` fences are code (a '# comment' in an example), not structure.
function Read-MarkdownPage([string] $Path) {
    $lines = (Get-Content -LiteralPath $Path -Raw) -split '\r?\n'
    $page = [pscustomobject]@{ FrontMatter = @{}; Title = ''; Sections = [ordered]@{} }
    $start = 0
    if ($lines[0] -eq '---') {
        $end = [array]::IndexOf($lines, '---', 1)
        if ($end -lt 0) { throw "the front matter has no closing '---' line" }
        foreach ($line in $lines[1..$end]) {
            if ($line -match '^([^:]+):\s*(.*)$') { $page.FrontMatter[$Matches[1].Trim()] = $Matches[2].Trim() }
        }
        $start = $end + 1
    }
    $target = $null
    $section = $null
    $inFence = $false
    foreach ($line in $lines[$start..($lines.Count - 1)]) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        elseif (-not $inFence -and $line -match '^(#{1,3})\s+(.+?)\s*$') {
            $level, $text = $Matches[1].Length, $Matches[2]
            if ($level -eq 1) { $page.Title = $text; $section = $target = $null; continue }
            if ($level -eq 2) {
                $section = [pscustomobject]@{ Lines = [List[string]]::new(); Items = [List[object]]::new() }
                $page.Sections[$text.ToUpperInvariant()] = $section
                $target = $section
                continue
            }
            if ($section) {
                $target = [pscustomobject]@{ Title = $text; Lines = [List[string]]::new() }
                $section.Items.Add($target)
                continue
            }
        }
        if ($target) { $target.Lines.Add($line) }
    }
    if ($inFence) { throw 'a ``` code fence is not closed' }
    $page
}

# Markdown lines -> blocks: text paragraphs (lines joined; a list item starts a new paragraph so lists stay lists)
# and fenced code with its language.
function Split-MarkdownBlock([string[]] $Lines) {
    $blocks = [List[object]]::new()
    $text = [List[string]]::new()
    $code = $null
    $language = ''
    function Complete-Paragraph {
        if ($text.Count) { $blocks.Add([pscustomobject]@{ Kind = 'Text'; Language = ''; Text = $text -join ' ' }); $text.Clear() }
    }
    foreach ($line in $Lines) {
        if ($null -ne $code) {
            if ($line -match '^\s*```\s*$') {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Language = $language; Text = ($code -join "`n").TrimEnd() })
                $code = $null
            } else { $code.Add($line) }
        } elseif ($line -match '^\s*```\s*(\S*)') {
            Complete-Paragraph
            $language = $Matches[1]
            $code = [List[string]]::new()
        } elseif (-not $line.Trim()) { Complete-Paragraph }
        elseif ($line -match '^\s*([-*+]|\d+\.)\s') { Complete-Paragraph; $text.Add($line.Trim()) }
        else { $text.Add($line.Trim()) }
    }
    Complete-Paragraph
    $blocks
}

# Inline markdown Get-Help cannot render: links keep their text (and an absolute address), bold markers go.
# Backticks stay: they mark code, as in Microsoft's own help.
function ConvertTo-PlainText([string] $Text) {
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]*)\)', {
            param($m) if ($m.Groups[2].Value -match '^https?://') { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } else { $m.Groups[1].Value }
        })
    $Text -replace '\*\*([^*]+)\*\*', '$1'
}

# Blocks -> MAML paragraphs. Code other than the yaml parameter blocks stays, verbatim: nothing on a page is dropped.
function ConvertTo-Paragraph($Blocks) {
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'Text') { ConvertTo-PlainText $block.Text }
        elseif ($block.Language -ne 'yaml') { $block.Text }
    }
}

function Get-Paragraph([string[]] $Lines) { @(ConvertTo-Paragraph (Split-MarkdownBlock $Lines)) }

# A section's text including its '### ' sub-sections, whose headings become paragraphs of their own.
function Get-SectionParagraph($Section) {
    @(Get-Paragraph $Section.Lines
        foreach ($item in $Section.Items) { $item.Title; Get-Paragraph $item.Lines })
}

# Simple 'Key: Value' lines; enough for PlatyPS's parameter blocks, which have no nesting.
function ConvertFrom-ParameterYaml([string] $Text) {
    $values = @{}
    foreach ($line in $Text -split "`n") {
        if ($line -match '^([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    $values
}

#endregion

#region Command pages

# One cmdlet page -> the help content MAML needs. Throws (the caller adds the file name) on a missing part.
function ConvertFrom-CommandPage([string] $Path) {
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    $page = Read-MarkdownPage $Path
    if ($page.FrontMatter['external help file'] -ne 'ImAdmin.dll-Help.xml') {
        throw "the front matter must say 'external help file: ImAdmin.dll-Help.xml'"
    }
    if ($page.Title -ne $name) { throw "the title must be '# $name' (found '$($page.Title)')" }
    foreach ($section in $RequiredCommandSections) {
        if (-not $page.Sections.Contains($section)) { throw "the '## $section' section is missing" }
    }
    $synopsis = Get-Paragraph $page.Sections['SYNOPSIS'].Lines
    if (-not $synopsis) { throw 'the SYNOPSIS is empty' }
    $description = Get-SectionParagraph $page.Sections['DESCRIPTION']
    if (-not $description) { throw 'the DESCRIPTION is empty' }

    [pscustomobject]@{
        Name        = $name
        Synopsis    = $synopsis -join ' '
        Description = $description
        Examples    = @(ConvertFrom-ExampleSection $page.Sections['EXAMPLES'])
        Parameters  = ConvertFrom-ParameterSection $page.Sections['PARAMETERS']
        Inputs      = @(ConvertFrom-TypeSection $page.Sections['INPUTS'])
        Outputs     = @(ConvertFrom-TypeSection $page.Sections['OUTPUTS'])
        Notes       = @(if ($page.Sections.Contains('NOTES')) { Get-SectionParagraph $page.Sections['NOTES'] })
        Links       = @(if ($page.Sections.Contains('RELATED LINKS')) { ConvertFrom-LinkSection $page.Sections['RELATED LINKS'] })
        OnlineUri   = [string]$page.FrontMatter['online version']
    }
}

function ConvertFrom-ExampleSection($Section) {
    if (-not $Section.Items.Count) { throw "EXAMPLES has no '### Example 1' heading" }
    foreach ($item in $Section.Items) {
        $blocks = Split-MarkdownBlock $item.Lines
        $code = @($blocks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
        if (-not ($code -join '').Trim()) { throw "'### $($item.Title)' has no ``````powershell code block" }
        [pscustomobject]@{
            Title   = $item.Title
            Code    = $code -join "`n`n"
            Remarks = @(ConvertTo-Paragraph ($blocks | Where-Object Kind -EQ 'Text'))
        }
    }
}

# '### -Name' items: the description paragraphs and every ```yaml block (PlatyPS writes one per parameter set).
function ConvertFrom-ParameterSection($Section) {
    $parameters = [ordered]@{}
    foreach ($item in $Section.Items) {
        if ($item.Title -eq 'CommonParameters') { continue }
        if ($item.Title -notmatch '^-(\w+)$') { throw "PARAMETERS has '### $($item.Title)'; parameters are headed '### -Name'" }
        $name = $Matches[1]
        $blocks = Split-MarkdownBlock $item.Lines
        $description = @(ConvertTo-Paragraph $blocks)
        $yaml = @($blocks | Where-Object Language -EQ 'yaml' | ForEach-Object { ConvertFrom-ParameterYaml $_.Text })
        if (-not $description) { throw "-$name has no description" }
        if (-not $yaml) { throw "-$name has no ``````yaml block" }
        $parameters[$name] = [pscustomobject]@{ Name = $name; Description = $description; Yaml = $yaml }
    }
    $parameters
}

function ConvertFrom-TypeSection($Section) {
    foreach ($item in $Section.Items) {
        [pscustomobject]@{ Type = $item.Title; Description = Get-Paragraph $item.Lines }
    }
}

function ConvertFrom-LinkSection($Section) {
    foreach ($line in $Section.Lines | Where-Object { $_.Trim() }) {
        if ($line -match '^\s*\[([^\]]+)\]\(([^)]*)\)') {
            # Relative links point at other pages of these docs; Get-Help -Online can only open absolute ones.
            [pscustomobject]@{ Text = $Matches[1]; Uri = $(if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }) }
        } else {
            [pscustomobject]@{ Text = $line.Trim(); Uri = '' }
        }
    }
}

#endregion

#region Metadata

# The parameter as each of its sets has it. (.Where and foreach: the pipeline is slow in these inner loops.)
function Get-ParameterInfo([System.Management.Automation.CommandInfo] $Command, [string] $Name, [string[]] $SetNames) {
    @(foreach ($set in $Command.ParameterSets) {
            if (-not $SetNames -or $set.Name -in $SetNames) { $set.Parameters.Where({ $_.Name -eq $Name }) }
        })
}

function Format-PipelineInput([System.Management.Automation.CommandParameterInfo[]] $Infos) {
    $kinds = @(if ($Infos.ValueFromPipeline -contains $true) { 'ByValue' }
        if ($Infos.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' })
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Format-Position([System.Management.Automation.CommandParameterInfo[]] $Infos) {
    # Get-Help shows one position; a parameter positional in any set can be given by position there.
    $positions = @($Infos.Position | Where-Object { $_ -ge 0 })
    if ($positions.Count) { [string]$positions[0] } else { 'named' }
}

function Test-SupportsWildcard([System.Management.Automation.CommandParameterInfo[]] $Infos) {
    [bool]@($Infos.Attributes).Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
}

function Get-TypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying.FullName } else { $Type.FullName }
}

function Get-AcceptedValue([System.Management.Automation.CommandParameterInfo] $Info) {
    $validateSet = $Info.Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })
    if ($validateSet.Count) { return $validateSet[0].ValidValues }
    $type = $Info.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $type = [Nullable]::GetUnderlyingType($type) ?? $type
    if ($type.IsEnum) { [Enum]::GetNames($type) }
}

# A set's parameters in Get-Command -Syntax order: positional ones by position, then required, then the rest.
function Get-SyntaxParameter([System.Management.Automation.CommandParameterSetInfo] $Set) {
    $own = $Set.Parameters.Where({ $_.Name -notin $CommonParameters })
    $named = $own.Where({ $_.Position -lt 0 })
    @($own.Where({ $_.Position -ge 0 }) | Sort-Object Position) + @($named.Where({ $_.IsMandatory })) + @($named.Where({ -not $_.IsMandatory }))
}

# The page must document exactly the cmdlet's parameters: a missing one leaves Get-Help without a description,
# an extra one documents something the cmdlet does not have.
function Assert-ParametersDocumented($Doc, [System.Management.Automation.CommandInfo] $Command) {
    $actual = @($Command.Parameters.Keys | Where-Object { $_ -notin $CommonParameters })
    foreach ($name in $actual) {
        if (-not $Doc.Parameters.Contains($name)) { throw "-$name of $($Command.Name) is not documented (add '### -$name' under PARAMETERS)" }
    }
    foreach ($name in $Doc.Parameters.Keys) {
        if ($name -notin $actual) { throw "documents -$name, which $($Command.Name) does not have" }
    }
}

# The MAML takes these values from the cmdlet, so a stale yaml block never reaches Get-Help; it still misleads readers
# of the page, hence one warning per difference. PlatyPS writes one yaml block per group of sets that agree.
function Compare-ParameterYaml($Doc, [System.Management.Automation.CommandInfo] $Command, [string] $File) {
    foreach ($parameter in $Doc.Parameters.Values) {
        $name = $parameter.Name
        foreach ($yaml in $parameter.Yaml) {
            $setNames = if ($yaml['Parameter Sets'] -in '(All)', $null) { @($Command.ParameterSets.Name) } else { $yaml['Parameter Sets'] -split ',\s*' }
            foreach ($setName in $setNames) {
                $info = Get-ParameterInfo $Command $name $setName
                if (-not $info) {
                    if ($yaml['Parameter Sets'] -ne '(All)') { Write-Warning "${File}: -$name lists parameter set '$setName', which does not have it." }
                    continue
                }
                $actual = [ordered]@{
                    'Required'              = "$($info.IsMandatory)"
                    'Position'              = (Format-Position $info) -replace '^named$', 'Named'
                    'Accept pipeline input' = Format-PipelineInput $info
                    'Accept wildcard characters' = "$(Test-SupportsWildcard $info)"
                }
                foreach ($key in $actual.Keys) {
                    if ($yaml.ContainsKey($key) -and $yaml[$key] -ne $actual[$key]) {
                        Write-Warning "${File}: -$name says '${key}: $($yaml[$key])' for set $setName; the cmdlet has '$($actual[$key])'."
                    }
                }
            }
        }
        $aliases = @($parameter.Yaml[0]['Aliases'] -split ',\s*' | Where-Object { $_ })
        $actualAliases = @($Command.Parameters[$name].Aliases)
        if (Compare-Object $aliases $actualAliases) {
            Write-Warning "${File}: -$name says 'Aliases: $($aliases -join ', ')'; the cmdlet has '$($actualAliases -join ', ')'."
        }
    }
}

#endregion

#region MAML writing

function Start-Element([string] $Name, [System.Collections.IDictionary] $Attributes) {
    $prefix, $local = $Name -split ':'
    $script:Xml.WriteStartElement($prefix, $local, $Namespaces[$prefix])
    if ($Attributes) { foreach ($key in $Attributes.Keys) { $script:Xml.WriteAttributeString($key, [string]$Attributes[$key]) } }
}

function Stop-Element { $script:Xml.WriteEndElement() }

function Write-Element([string] $Name, [string] $Text, [System.Collections.IDictionary] $Attributes) {
    Start-Element $Name $Attributes
    $script:Xml.WriteString($Text)
    Stop-Element
}

function Write-Paragraph([string[]] $Paragraphs, [string] $Container = 'maml:description') {
    Start-Element $Container
    foreach ($paragraph in $Paragraphs) { Write-Element 'maml:para' $paragraph }
    Stop-Element
}

# One command:parameter. In a syntax item $Infos is the parameter in that set; in the parameter list it is the
# parameter in all its sets (required only when every set requires it; the syntax shows the per-set truth).
function Write-Parameter([System.Management.Automation.CommandParameterInfo[]] $Infos, $Doc, [switch] $InSyntax) {
    $first = $Infos[0]
    # A cmdlet may match wildcards without declaring [SupportsWildcards]; then only its page says so.
    $wildcards = (Test-SupportsWildcard $Infos) -or ($Doc.Yaml | Where-Object { $_['Accept wildcard characters'] -eq 'True' })
    Start-Element 'command:parameter' ([ordered]@{
            required       = "$(-not ($Infos.IsMandatory -contains $false))".ToLowerInvariant()
            variableLength = 'true'
            globbing       = "$([bool]$wildcards)".ToLowerInvariant()
            pipelineInput  = Format-PipelineInput $Infos
            position       = Format-Position $Infos
            aliases        = $(if ($first.Aliases.Count) { $first.Aliases -join ', ' } else { 'none' })
        })
    Write-Element 'maml:name' $first.Name
    Write-Paragraph $Doc.Description
    $accepted = @(Get-AcceptedValue $first)
    if ($accepted) {
        Start-Element 'command:parameterValueGroup'
        foreach ($value in $accepted) { Write-Element 'command:parameterValue' $value ([ordered]@{ required = 'false'; variableLength = 'false' }) }
        Stop-Element
    }
    $typeName = Get-TypeName $first.ParameterType
    # A switch takes no value; a parameterValue would make Get-Help show '-PassThru <SwitchParameter>'.
    if ($first.ParameterType -ne [switch]) {
        Write-Element 'command:parameterValue' $typeName ([ordered]@{ required = 'true'; variableLength = 'false' })
    }
    Start-Element 'dev:type'
    Write-Element 'maml:name' $typeName
    Write-Element 'maml:uri' ''
    Stop-Element
    if (-not $InSyntax) { Write-Element 'dev:defaultValue' ($Doc.Yaml[0]['Default value'] ?? 'None') }
    Stop-Element
}

function Write-TypeList([string] $Container, [string] $ItemName, $Items) {
    Start-Element $Container
    foreach ($item in $Items) {
        Start-Element $ItemName
        Start-Element 'dev:type'
        Write-Element 'maml:name' $item.Type
        Stop-Element
        Write-Paragraph $item.Description
        Stop-Element
    }
    Stop-Element
}

function Write-CommandHelp($Doc, [System.Management.Automation.CommandInfo] $Command) {
    Start-Element 'command:command'
    foreach ($prefix in 'maml', 'dev', 'MSHelp') { $script:Xml.WriteAttributeString('xmlns', $prefix, $null, $Namespaces[$prefix]) }

    Start-Element 'command:details'
    Write-Element 'command:name' $Command.Name
    Write-Element 'command:verb' $Command.Verb
    Write-Element 'command:noun' $Command.Noun
    Write-Paragraph $Doc.Synopsis
    Stop-Element
    Write-Paragraph $Doc.Description

    Start-Element 'command:syntax'
    foreach ($set in $Command.ParameterSets | Sort-Object -Stable { -not $_.IsDefault }) {
        Start-Element 'command:syntaxItem'
        Write-Element 'maml:name' $Command.Name
        foreach ($info in Get-SyntaxParameter $set) { Write-Parameter $info $Doc.Parameters[$info.Name] -InSyntax }
        Stop-Element
    }
    Stop-Element

    Start-Element 'command:parameters'
    foreach ($parameter in $Doc.Parameters.Values) { Write-Parameter (Get-ParameterInfo $Command $parameter.Name) $parameter }
    Stop-Element

    Write-TypeList 'command:inputTypes' 'command:inputType' $Doc.Inputs
    Write-TypeList 'command:returnValues' 'command:returnValue' $Doc.Outputs
    if ($Doc.Notes) {
        Start-Element 'maml:alertSet'
        Write-Paragraph $Doc.Notes 'maml:alert'
        Stop-Element
    }

    Start-Element 'command:examples'
    foreach ($example in $Doc.Examples) {
        Start-Element 'command:example'
        # The dashes are PlatyPS's: they set each example apart in Get-Help's plain-text output.
        Write-Element 'maml:title' "--------- $($example.Title) ---------"
        Write-Element 'dev:code' $example.Code
        # Get-Help prints the next title right under the last remark; a closing empty paragraph keeps a blank line.
        Write-Paragraph (@($example.Remarks) + '') 'dev:remarks'
        Stop-Element
    }
    Stop-Element

    Start-Element 'command:relatedLinks'
    $links = @(if ($Doc.OnlineUri) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $Doc.OnlineUri } }) + $Doc.Links
    foreach ($link in $links) {
        Start-Element 'maml:navigationLink'
        Write-Element 'maml:linkText' $link.Text
        Write-Element 'maml:uri' $link.Uri
        Stop-Element
    }
    Stop-Element

    Stop-Element
}

function Write-MamlFile([string] $Path, $Entries) {
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; NewLineChars = "`n"; Encoding = [Text.UTF8Encoding]::new($false) }
    $script:Xml = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $script:Xml.WriteStartDocument()
        $script:Xml.WriteStartElement('helpItems', 'http://msh')
        $script:Xml.WriteAttributeString('schema', 'maml')
        foreach ($entry in $Entries) { Write-CommandHelp $entry.Doc $entry.Command }
        $script:Xml.WriteEndElement()
        $script:Xml.WriteEndDocument()
    } finally {
        $script:Xml.Dispose()
    }
}

#endregion

#region About topics

# about_*.help.txt in the classic layout Get-Help and PlatyPS use: TOPIC, upper-case section headings, text indented
# by four and wrapped at 80 columns, code indented by eight.
function ConvertTo-AboutText([string] $Path) {
    $topic = [IO.Path]::GetFileName($Path) -replace '\.help\.md$'
    $page = Read-MarkdownPage $Path
    if ($page.Title -ne $topic) { throw "the title must be '# $topic' (found '$($page.Title)')" }
    foreach ($section in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if (-not $page.Sections.Contains($section)) { throw "the '## $section' section is missing" }
    }
    $out = [List[string]]::new()
    $out.AddRange([string[]]@('TOPIC', "    $topic", ''))
    foreach ($section in $page.Sections.GetEnumerator()) {
        $out.Add($section.Key)
        Add-AboutBlock $out $section.Value.Lines
        foreach ($item in $section.Value.Items) {
            $out.Add('    ' + $item.Title.ToUpperInvariant())
            Add-AboutBlock $out $item.Lines
        }
    }
    ($out -join "`n").TrimEnd() + "`n"
}

function Add-AboutBlock([List[string]] $Out, [string[]] $Lines) {
    foreach ($block in Split-MarkdownBlock $Lines) {
        if ($block.Kind -eq 'Code') {
            foreach ($line in $block.Text -split "`n") { $Out.Add(('        ' + $line).TrimEnd()) }
        } elseif ($block.Text -match '^([-*+]|\d+\.)\s') {
            $Out.AddRange([string[]](Format-Wrapped (ConvertTo-PlainText $block.Text) '    ' ('    ' + ' ' * ($Matches[1].Length + 1))))
        } else {
            $Out.AddRange([string[]](Format-Wrapped (ConvertTo-PlainText $block.Text) '    ' '    '))
        }
        $Out.Add('')
    }
}

function Format-Wrapped([string] $Text, [string] $Indent, [string] $Hanging, [int] $Width = 80) {
    $prefix = $Indent
    $line = ''
    foreach ($word in -split $Text) {
        if ($line -and ($prefix.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $prefix + $line
            $prefix = $Hanging
            $line = $word
        } else {
            $line = if ($line) { "$line $word" } else { $word }
        }
    }
    if ($line) { $prefix + $line }
}

#endregion

$failures = [List[string]]::new()
$OutputPath = (New-Item -ItemType Directory -Force -Path $OutputPath).FullName
$pages = Get-ChildItem -LiteralPath $DocsPath -Filter '*.md'

foreach ($page in $pages | Where-Object Name -Like 'about_*.help.md') {
    try {
        $text = ConvertTo-AboutText $page.FullName
        [IO.File]::WriteAllText((Join-Path $OutputPath ($page.Name -replace '\.md$', '.txt')), $text, [Text.UTF8Encoding]::new($false))
    } catch { $failures.Add("$($page.FullName): $($_.Exception.Message)") }
}

if (-not $AboutOnly) {
    if (-not (Test-Path -LiteralPath $ModulePath)) { throw "Build first: $ModulePath is missing (dotnet build ImAdmin.sln -c Release)." }
    $wasLoaded = Get-Module ImAdmin
    $module = Import-Module $ModulePath -PassThru -Verbose:$false
    $commands = @{}
    Get-Command -Module $module.Name -CommandType Cmdlet | ForEach-Object { $commands[$_.Name] = $_ }
    $entries = [List[object]]::new()
    foreach ($page in $pages | Where-Object Name -Match '^\w+-\w+\.md$') {
        $command = $commands[$page.BaseName]
        if (-not $command) { Write-Warning "$($page.Name) skipped: the module exports no cmdlet $($page.BaseName)."; continue }
        try {
            $doc = ConvertFrom-CommandPage $page.FullName
            Assert-ParametersDocumented $doc $command
            Compare-ParameterYaml $doc $command $page.Name
            $entries.Add([pscustomobject]@{ Doc = $doc; Command = $command })
        } catch { $failures.Add("$($page.FullName): $($_.Exception.Message)") }
    }
    foreach ($name in $commands.Keys | Where-Object { -not (Test-Path (Join-Path $DocsPath "$_.md")) }) {
        Write-Warning "$name has no page $name.md; Get-Help shows only its syntax."
    }
    Write-MamlFile (Join-Path $OutputPath 'ImAdmin.dll-Help.xml') $entries
    # Leave the caller's session as it was: a module this script loaded is not the caller's business.
    if (-not $wasLoaded) { Remove-Module $module }
    Write-Verbose "MAML help for $($entries.Count) of $($commands.Count) cmdlets written to $OutputPath."
}

if ($failures.Count) {
    throw "Help build failed for $($failures.Count) page(s):`n  " + ($failures -join "`n  ")
}
