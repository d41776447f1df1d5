# The sandbox process stops promptly on SIGTERM and SIGINT, so scripts and CI that start it in the background never
# leave it orphaned. Asserts that it exits (polled up to a generous cap), not how fast.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Sandbox process signals' -Skip:$IsWindows {
    It 'exits with code 0 after <_>' -ForEach 'TERM', 'INT' {
        $sandbox = Start-ImSandbox
        try {
            # Answering proves the servers are up before the signal.
            $null = Invoke-WebRequest "$($sandbox.wuKongIM)/_sandbox/requests"
            & kill -s $_ $sandbox.Process.Id
            $sandbox.Process.WaitForExit(60000) | Should -BeTrue -Because "SIG$_ must stop the sandbox"
            $sandbox.Process.ExitCode | Should -Be 0
        } finally { Stop-ImSandbox $sandbox }
    }
}
