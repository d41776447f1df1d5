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
