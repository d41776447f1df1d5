# Sessions in a real PowerShell: connect, defaults per runspace, secrets kept out of every stream.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Connect-ImServer' {
    AfterEach { Get-ImSession | Disconnect-ImServer }

    It 'connects to WuKongIM, validates the token and becomes the default' {
        $session = Connect-SandboxWuKong $sandbox
        $session.Provider | Should -Be 'WuKongIM'
        $session.ServerVersion | Should -Not -BeNullOrEmpty
        (Get-ImSession -Default).Name | Should -Be 'wk'
        (Test-ImServer -Quiet) | Should -BeTrue
    }

    It 'fails at connect with one clear authentication error for a wrong token' {
        $err = { Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Token (ConvertTo-TestSecret 'wrong') } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.ConnectFailed*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match '-Token'
        @(Get-ImSession).Count | Should -Be 0
    }

    It 'names the missing parameter when nothing says which server' {
        $err = { Connect-ImServer -Uri $sandbox.wuKongIM } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '-Provider'
    }

    It 'takes the token from a PSCredential, as runbooks pass it' {
        $credential = [pscredential]::new('ignored', (ConvertTo-TestSecret $sandbox.wuKongToken))
        $session = Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Credential $credential -PassThru
        $session.Provider | Should -Be 'WuKongIM'
    }

    It 'uses IMADMIN_* environment variables when parameters are absent' {
        $env:IMADMIN_PROVIDER = 'WuKongIM'; $env:IMADMIN_URI = $sandbox.wuKongIM; $env:IMADMIN_TOKEN = $sandbox.wuKongToken
        try {
            $session = Connect-ImServer -PassThru
            $session.Uri | Should -Be ([uri]($sandbox.wuKongIM + '/'))
        } finally {
            Remove-Item Env:IMADMIN_PROVIDER, Env:IMADMIN_URI, Env:IMADMIN_TOKEN
        }
    }

    It 'infers Tencent Cloud IM from IMADMIN_SDKAPPID without IMADMIN_PROVIDER' {
        $env:IMADMIN_SDKAPPID = $sandbox.tencentSdkAppId; $env:IMADMIN_URI = $sandbox.tencent
        $env:IMADMIN_IDENTIFIER = $sandbox.tencentIdentifier; $env:IMADMIN_SECRETKEY = $sandbox.tencentSecretKey
        try {
            (Connect-ImServer -PassThru).Provider | Should -Be 'TencentCloud'
        } finally {
            Remove-Item Env:IMADMIN_SDKAPPID, Env:IMADMIN_URI, Env:IMADMIN_IDENTIFIER, Env:IMADMIN_SECRETKEY
        }
    }

    It 'never shows the token in output, verbose or debug streams' {
        $out = Connect-SandboxWuKong $sandbox -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Test-ImServer -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Get-ImSession | Format-List * | Out-String
        $out | Should -Not -Match ([regex]::Escape($sandbox.wuKongToken))
        $out | Should -Match 'GET /varz -> 200'
    }
}

Describe 'Sessions' {
    AfterEach { Get-ImSession | Disconnect-ImServer }

    It 'keeps several named sessions and disconnects them by name' {
        $null = Connect-SandboxWuKong $sandbox -Name one
        $null = Connect-SandboxWuKong $sandbox -Name two
        (Get-ImSession).Name | Should -Be @('one', 'two')
        (Get-ImSession -Default).Name | Should -Be 'two'
        Disconnect-ImServer -Name one
        (Get-ImSession).Name | Should -Be @('two')
    }

    It 'reports a disconnect of an unknown name as a non-terminating error' {
        Disconnect-ImServer -Name nope -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].TargetObject | Should -Be 'nope'
    }

    It 'says how to get a session when there is none' {
        $err = { Test-ImServer } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NoSession*'
        $err.Exception.Message | Should -Match 'Connect-ImServer'
    }

    It 'keeps the default per runspace: parallel runspaces do not see or clobber it' {
        $session = Connect-SandboxWuKong $sandbox -Name main
        $manifest = Join-Path $PSScriptRoot '../../ImAdmin.psd1'
        $inner = 1..2 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            $before = @(Get-ImSession).Count
            [pscustomobject]@{ Before = $before; Quiet = (Test-ImServer -Session $using:session -Quiet) }
        }
        $inner.Before | Should -Be @(0, 0)
        $inner.Quiet | Should -Be @($true, $true)
        (Get-ImSession -Default).Name | Should -Be 'main'
    }

    It 'Test-ImServer reports a rejected credential without throwing' {
        $null = Connect-ImServer -Provider WuKongIM -Uri $sandbox.wuKongIM -Token (ConvertTo-TestSecret 'wrong') -SkipValidation -Name bad
        $result = Test-ImServer
        $result.Reachable | Should -BeTrue
        $result.Authenticated | Should -BeFalse
        Test-ImServer -Quiet | Should -BeFalse
    }
}

Describe 'Sessions by name, pipeline and completion' {
    BeforeAll {
        $script:wk = Connect-SandboxWuKong $sandbox -Name wk
        $script:wf = Connect-SandboxWildfire $sandbox -Name wf
    }
    AfterAll { Get-ImSession | Disconnect-ImServer }

    It '-Session takes a session name as well as the object' {
        (Test-ImServer -Session wk).Name | Should -Be 'wk'
        (Test-ImServer -Session $wk).Name | Should -Be 'wk'
    }

    It 'an unknown -Session name is an error that lists the sessions there are' {
        $err = { Test-ImServer -Session prdo } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match "No ImAdmin session is named 'prdo'"
        $err.Exception.Message | Should -Match 'wk, wf'
    }

    It 'Get-ImSession with a name that matches nothing is an error; a pattern that matches nothing is not' {
        $found = Get-ImSession prdo, wk -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'wk'
        @($missing).Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.SessionNotFound*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].Exception.Message | Should -Match "'prdo'"
        @(Get-ImSession 'zz*' -ErrorVariable none -ErrorAction SilentlyContinue).Count | Should -Be 0
        @($none).Count | Should -Be 0
    }

    It 'Get-ImSession | Test-ImServer tests each piped session' {
        $results = @(Get-ImSession | Test-ImServer)
        $results.Name | Should -Be @('wk', 'wf')
        $results.Authenticated | Should -Be @($true, $true)
    }

    It 'Connect-ImServer -PassThru shows IsDefault for the session that just became the default' {
        $again = Connect-SandboxWuKong $sandbox -Name wk2
        try {
            $again.IsDefault | Should -BeTrue
            (Get-ImSession wk).IsDefault | Should -BeFalse
        } finally { Disconnect-ImServer -Name wk2 }
    }

    It 'completes -Session and Get-ImSession -Name with session names, -Provider with the providers' {
        $line = 'Get-ImServerStatus -Session w'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('wk', 'wf')
        $line = 'Get-ImSession -Name wf'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('wf')
        $line = 'Connect-ImServer -Provider W'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('Wildfire', 'WuKongIM')
    }

    It 'completes -ChannelId with the channel ids the session returned, newest first, without a server call' {
        $line = 'Get-ImMessage -Session wk -ChannelId '
        @((TabExpansion2 $line $line.Length).CompletionMatches).Count | Should -Be 0
        New-ImChannel -Session wk -ChannelId ops1 -ChannelType Group -Confirm:$false
        $null = Get-ImChannel -Session wk -ChannelId ops1 -ChannelType Group
        New-ImChannel -Session wk -ChannelId ops2 -ChannelType Group -Confirm:$false
        $null = Get-ImChannel -Session wk -ChannelId ops2 -ChannelType Group
        $before = @(Get-SandboxRequest $sandbox.wuKongIM).Count
        $line = 'Get-ImMessage -Session wk -ChannelId op'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('ops2', 'ops1')
        @(Get-SandboxRequest $sandbox.wuKongIM).Count | Should -Be $before
        # Another session saw none of them.
        $line = 'Get-ImMessage -Session wf -ChannelId op'
        @((TabExpansion2 $line $line.Length).CompletionMatches).Count | Should -Be 0
    }
}
