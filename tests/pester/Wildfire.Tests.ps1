# WildfireChat in a real PowerShell: connect with the admin secret, keep it (and every sign) out of all streams,
# and Send-ImMessage rows going out as multicasts of 1,000.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox

    # The Wildfire requests the sandbox journaled for one path, optionally only those whose body contains a text.
    function Get-WildfireRequest([string] $Path, [string] $Containing) {
        # Invoke-RestMethod writes the JSON array as one object: unroll it before filtering.
        $requests = Get-SandboxRequest -BaseUri $sandbox.wildfire -Path $Path
        $requests | Where-Object { -not $Containing -or $_.body.Contains($Containing) }
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Connect-ImServer to WildfireChat' {
    AfterEach { Get-ImSession | Disconnect-ImServer }

    It 'connects with -Secret: health unsigned, then one signed read proves the secret' {
        $session = Connect-SandboxWildfire $sandbox
        $session.Provider | Should -Be 'Wildfire'
        Test-ImServer -Quiet | Should -BeTrue
        @(Get-WildfireRequest '/admin/health').Count | Should -BeGreaterThan 0
        @(Get-WildfireRequest '/admin/user/online_count').Count | Should -BeGreaterThan 0
    }

    It 'fails at connect with one authentication error for a wrong secret, without echoing it' {
        $err = { Connect-ImServer -Uri $sandbox.wildfire -Secret (ConvertTo-TestSecret 'wrong-secret-123') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.ConnectFailed*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.ServerCode | Should -Be 244
        $err.Exception.Message | Should -Match '-Secret'
        ($err | Out-String) | Should -Not -Match 'wrong-secret-123'
        @(Get-ImSession).Count | Should -Be 0
    }

    It 'takes the secret from a PSCredential or IMADMIN_SECRET, as runbooks pass it' {
        $credential = [pscredential]::new('ignored', (ConvertTo-TestSecret $sandbox.wildfireSecret))
        (Connect-ImServer -Provider Wildfire -Uri $sandbox.wildfire -Credential $credential -PassThru).Provider | Should -Be 'Wildfire'

        $env:IMADMIN_PROVIDER = 'Wildfire'; $env:IMADMIN_URI = $sandbox.wildfire; $env:IMADMIN_SECRET = $sandbox.wildfireSecret
        try {
            (Connect-ImServer -Name fromenv -PassThru).Provider | Should -Be 'Wildfire'
        } finally {
            Remove-Item Env:IMADMIN_PROVIDER, Env:IMADMIN_URI, Env:IMADMIN_SECRET
        }
    }

    It 'never shows the secret or a sign in output, verbose or debug streams' {
        $out = Connect-SandboxWildfire $sandbox -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Test-ImServer -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Send-ImMessage -ChannelId admin -Text 'debug me' -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Get-ImSession | Format-List * | Out-String
        $out | Should -Match 'POST /admin/user/online_count -> 200'
        $out | Should -Match 'searchableContent'
        $out | Should -Not -Match ([regex]::Escape($sandbox.wildfireSecret))
        $out | Should -Not -Match '\b[0-9a-f]{40}\b'
    }
}

Describe 'Send-ImMessage to WildfireChat' {
    BeforeAll { $null = Connect-SandboxWildfire $sandbox }
    AfterAll { Get-ImSession | Disconnect-ImServer }

    It 'sends 2,500 CSV rows with the same text as 3 multicast calls' {
        $text = "maintenance $([guid]::NewGuid())"
        $csv = Join-Path ([IO.Path]::GetTempPath()) "wf-$([guid]::NewGuid().ToString('N')).csv"
        1..2500 | ForEach-Object { [pscustomobject]@{ UserId = "user$_"; Message = $text } } | Export-Csv $csv -NoTypeInformation
        try {
            $elapsed = Measure-Command { $script:results = Import-Csv $csv | Send-ImMessage -From ops -PassThru }
        } finally {
            Remove-Item $csv
        }
        Write-Host "Send-ImMessage, 2,500 CSV rows to Wildfire: $([int]$elapsed.TotalMilliseconds) ms"

        $calls = @(Get-WildfireRequest '/admin/message/multicast' $text)
        $calls.Count | Should -Be 3
        $calls | ForEach-Object { ($_.body | ConvertFrom-Json).sender } | Should -Be @('ops', 'ops', 'ops')
        # The calls run concurrently, so they may reach the server in any order.
        ($calls | ForEach-Object { ($_.body | ConvertFrom-Json).targets.Count } | Sort-Object -Descending) | Should -Be @(1000, 1000, 500)
        $results.Count | Should -Be 2500
        @($results | Where-Object { -not $_.Succeeded }).Count | Should -Be 0
        @($results.MessageId | Sort-Object -Unique).Count | Should -Be 3
    }

    It 'sends a single text to the built-in admin user with persistFlag 3 in searchableContent' {
        $text = "single $([guid]::NewGuid())"
        $result = Send-ImMessage -ChannelId admin -Text $text -PassThru
        $result.Succeeded | Should -BeTrue
        $result.MessageId | Should -BeGreaterThan 0
        $result.From | Should -Be 'admin'   # the sender used when -From is omitted
        $payload = (@(Get-WildfireRequest '/admin/message/send' $text)[0].body | ConvertFrom-Json).payload
        $payload.type | Should -Be 1
        $payload.searchableContent | Should -Be $text
        $payload.persistFlag | Should -Be 3
        ($result | Format-Table | Out-String) | Should -Match "\b$($result.MessageId)\b"
    }

    It 'sends -NoPersist transparently (persistFlag 4)' {
        $text = "transparent $([guid]::NewGuid())"
        $null = Send-ImMessage -ChannelId admin -Text $text -NoPersist
        (@(Get-WildfireRequest '/admin/message/send' $text)[0].body | ConvertFrom-Json).payload.persistFlag | Should -Be 4
    }

    It 'reports a group that does not exist as a per-row error pointing at the row' {
        $row = [pscustomobject]@{ To = 'no-such-group'; Message = 'hello group' }
        $row | Send-ImMessage -ChannelType Group -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $row
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.ServerCode | Should -Be 253
    }

    It 'refuses a payload that is not a MessagePayload object, naming -Payload' {
        $bytes = [Text.Encoding]::UTF8.GetBytes('plain bytes')
        Send-ImMessage -ChannelId admin -Payload $bytes -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        $failed[0].Exception.ParameterName | Should -Be 'Payload'
        $failed[0].Exception.Message | Should -Match 'MessagePayload'
    }

    It 'sends nothing with -WhatIf' {
        $text = "whatif $([guid]::NewGuid())"
        'u1', 'u2' | Send-ImMessage -Text $text -WhatIf
        @(Get-WildfireRequest '/admin/message/multicast' $text).Count | Should -Be 0
        @(Get-WildfireRequest '/admin/message/send' $text).Count | Should -Be 0
    }
}

Describe 'Send-ImBroadcast' {
    BeforeAll { $null = Connect-SandboxWildfire $sandbox }
    AfterAll { Get-ImSession | Disconnect-ImServer }

    It 'broadcasts one message to every user and reports the recipient count' {
        $text = "broadcast $([guid]::NewGuid())"
        $result = Send-ImBroadcast -From ops -Text $text -PassThru
        $result.From | Should -Be 'ops'
        $result.MessageId | Should -BeGreaterThan 0
        $result.RecipientCount | Should -Be 3   # a fresh server has three users: the robots FireRobot and wfc_file_transfer, and admin
        $body = @(Get-WildfireRequest '/admin/message/broadcast' $text)[0].body | ConvertFrom-Json
        $body.sender | Should -Be 'ops'
        $body.payload.persistFlag | Should -Be 3
    }

    It 'binds Sender and Message columns from CSV rows, one broadcast per row' {
        $tag = [guid]::NewGuid()
        @([pscustomobject]@{ Sender = 'hr'; Message = "a $tag" }, [pscustomobject]@{ Sender = 'it'; Message = "b $tag" }) |
            ConvertTo-Csv | ConvertFrom-Csv | Send-ImBroadcast
        $calls = @(Get-WildfireRequest '/admin/message/broadcast' "$tag")
        ($calls | ForEach-Object { ($_.body | ConvertFrom-Json).sender }) | Should -Be @('hr', 'it')
    }

    It 'sends nothing with -WhatIf' {
        $text = "whatif broadcast $([guid]::NewGuid())"
        Send-ImBroadcast -Text $text -WhatIf
        @(Get-WildfireRequest '/admin/message/broadcast' $text).Count | Should -Be 0
    }

    It 'refuses a payload that is not a MessagePayload, pointing at the input' {
        $bytes = [Text.Encoding]::UTF8.GetBytes('[1,2,3]')
        Send-ImBroadcast -Payload $bytes -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.ParameterName | Should -Be 'Payload'
        $failed[0].TargetObject | Should -Be $bytes
    }

    It 'reports one HTTP 500 on a route the server has as a failure with an unknown outcome, not as a missing edition' {
        Add-SandboxFault -BaseUri $sandbox.wildfire -Fault @{ path = '/admin/message/broadcast'; status = 500 }
        Send-ImBroadcast -Text 'edition check' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failed[0].Exception.Message | Should -Not -Match 'professional edition'
        $failed[0].Exception.Message | Should -Match 'The outcome is unknown'
        $failed[0].Exception.OutcomeUnknown | Should -BeTrue
        $failed[0].TargetObject | Should -Be 'edition check'
    }

    It 'stops with one error naming the provider on a WuKongIM session' {
        $wk = Connect-SandboxWuKong $sandbox -Name wk
        $err = { Send-ImBroadcast -Text 'hi' -Session $wk } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.NotSupported*'
        $err.Exception.Message | Should -Match 'WuKongIM'
        $err.Exception.Message | Should -Match 'Send-ImBroadcast'
    }
}
