# Tencent Cloud IM in a real PowerShell: connect with a generated admin UserSig, clear auth errors, New-ImUserSig.
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../ImAdmin.psd1') -Force
    $script:sandbox = Start-ImSandbox -Seed

    function Get-TencentRequest([string] $Path) { Get-SandboxRequest -BaseUri $sandbox.tencent -Path $Path }

    function Get-LastUserSig {
        # The usersig the sandbox last received (what must never show anywhere).
        $last = Get-TencentRequest | Select-Object -Last 1
        [regex]::Match($last.query, 'usersig=([^&]+)').Groups[1].Value
    }

    function Invoke-TencentApi([string] $UserSig, [string] $Identifier, [string] $Api, [string] $Body) {
        $query = "sdkappid=$($sandbox.tencentSdkAppId)&identifier=$Identifier&usersig=$UserSig&random=7&contenttype=json"
        Invoke-RestMethod -Method Post -Uri "$($sandbox.tencent)/v4/$Api`?$query" -ContentType 'application/json; charset=utf-8' -Body $Body
    }
}

AfterAll {
    Get-ImSession | Disconnect-ImServer
    Stop-ImSandbox $script:sandbox
}

Describe 'Connect-ImServer to Tencent Cloud IM' {
    AfterEach { Get-ImSession | Disconnect-ImServer }

    It 'connects, proves the admin UserSig with account_check and becomes the default' {
        $session = Connect-SandboxTencent $sandbox
        $session.Provider | Should -Be 'TencentCloud'
        $session.Identity | Should -Be "administrator@$($sandbox.tencentSdkAppId)"
        (Get-ImSession -Default).Name | Should -Be 'tc'
        Test-ImServer -Quiet | Should -BeTrue
        $check = Get-TencentRequest '/v4/im_open_login_svc/account_check' | Select-Object -Last 1
        $check.method | Should -Be 'POST'
        $check.query | Should -Match 'contenttype=json'
    }

    It 'fails with one AuthenticationError for a wrong key that shows neither the key nor the sig' {
        $err = { Connect-ImServer -SdkAppId $sandbox.tencentSdkAppId -Uri $sandbox.tencent -Identifier administrator `
                    -SecretKey (ConvertTo-TestSecret 'not-the-key-of-this-app') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.ConnectFailed*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.ServerCode | Should -Be 70009
        $err.Exception.Message | Should -Match '-SecretKey'
        $shown = ($err | Out-String) + ($err | Format-List * -Force | Out-String) + $err.ErrorDetails.Message
        $shown | Should -Not -Match 'not-the-key-of-this-app'
        $shown | Should -Not -Match ([regex]::Escape((Get-LastUserSig)))
        @(Get-ImSession).Count | Should -Be 0
    }

    It 'takes the admin identifier and key from a PSCredential, as runbooks pass them' {
        $credential = [pscredential]::new('administrator', (ConvertTo-TestSecret $sandbox.tencentSecretKey))
        $session = Connect-ImServer -Provider TencentCloud -SdkAppId $sandbox.tencentSdkAppId -Uri $sandbox.tencent -Credential $credential -PassThru
        $session.Identity | Should -BeLike 'administrator@*'
    }

    It 'names -Identifier when the account is not an app admin' {
        $err = { Connect-ImServer -SdkAppId $sandbox.tencentSdkAppId -Uri $sandbox.tencent -Identifier alice `
                    -SecretKey (ConvertTo-TestSecret $sandbox.tencentSecretKey) } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.Exception.Message | Should -Match '-Identifier'
    }

    It 'never writes the key or the UserSig to the verbose or debug streams' {
        $out = Connect-SandboxTencent $sandbox -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Test-ImServer -Verbose -Debug 4>&1 5>&1 | Out-String
        $out += Get-ImSession | Format-List * | Out-String
        $out | Should -Match 'POST /v4/im_open_login_svc/account_check -> 200'
        $out | Should -Not -Match ([regex]::Escape($sandbox.tencentSecretKey))
        $out | Should -Not -Match ([regex]::Escape((Get-LastUserSig)))
        $out | Should -Not -Match 'usersig='
    }
}

Describe 'New-ImUserSig' {
    BeforeAll { $null = Connect-SandboxTencent $sandbox }
    AfterAll { Get-ImSession | Disconnect-ImServer }

    It 'makes one sig per identifier from the pipeline and from CSV rows' {
        $fromCsv = "UserId`nalice`nbob" | ConvertFrom-Csv | New-ImUserSig -Lifetime (New-TimeSpan -Hours 2)
        $fromCsv.Identifier | Should -Be @('alice', 'bob')
        $fromCsv[0].SdkAppId | Should -Be $sandbox.tencentSdkAppId
        $fromCsv[0].Credential | Should -BeOfType ([securestring])
        ($fromCsv[0].ExpiresAt - $fromCsv[0].IssuedAt) | Should -Be (New-TimeSpan -Hours 2)
        ('carol', 'dave' | New-ImUserSig).Identifier | Should -Be @('carol', 'dave')
    }

    It 'shows the sig nowhere in default formatting, Format-List, JSON, CSV or ToString' {
        $sig = New-ImUserSig -Identifier alice
        $secret = ConvertFrom-SecureString -SecureString $sig.Credential -AsPlainText
        $secret | Should -Match '^[A-Za-z0-9*_-]{40,}$'
        $shown = ($sig | Out-String) + ($sig | Format-List * | Out-String) + ($sig | Format-Table * | Out-String) +
            ($sig | ConvertTo-Json) + ($sig | ConvertTo-Csv | Out-String) + "$sig"
        $shown | Should -Match 'alice'
        $shown | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'returns a sig the server accepts with -AsPlainText' {
        $admin = New-ImUserSig -Identifier administrator -AsPlainText
        $admin | Should -BeOfType ([string])
        (Invoke-TencentApi $admin administrator 'im_open_login_svc/account_check' '{"CheckItem":[{"UserID":"alice"}]}').ErrorCode | Should -Be 0

        # A user's sig verifies too; only admins may call the REST API, so the server answers 60010, not a sig error.
        $user = New-ImUserSig alice -AsPlainText
        (Invoke-TencentApi $user alice 'im_open_login_svc/account_check' '{"CheckItem":[{"UserID":"alice"}]}').ErrorCode | Should -Be 60010
    }

    It 'reports an invalid identifier as a non-terminating error and makes the other sigs' {
        $tooLong = 'x' * 33
        $out = New-ImUserSig -Identifier 'ok-user', $tooLong -ErrorVariable failed -ErrorAction SilentlyContinue
        @($out).Identifier | Should -Be @('ok-user')
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $tooLong
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match '32 bytes'
    }

    It 'stops before making any sig when -Lifetime is out of range' {
        $err = { New-ImUserSig -Identifier alice -Lifetime ([timespan]::Zero) } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '-Lifetime'
    }

    It 'works locally: no request reaches the server and there is no -WhatIf' {
        $before = @(Get-TencentRequest).Count
        $before | Should -BeGreaterThan 0
        $null = New-ImUserSig -Identifier alice, bob
        @(Get-TencentRequest).Count | Should -Be $before
        (Get-Command New-ImUserSig).Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }

    It 'refuses a session of another provider with one error that names it' {
        $wuKong = Connect-SandboxWuKong $sandbox -Name wk
        $err = { New-ImUserSig -Identifier alice -Session $wuKong } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.Exception.Message | Should -Match 'WuKongIM'
        $err.Exception.Message | Should -Match 'New-ImUserSig'
    }
}

Describe 'Send-ImMessage on Tencent Cloud IM' {
    BeforeAll { $null = Connect-SandboxTencent $sandbox }
    AfterAll { Get-ImSession | Disconnect-ImServer }

    It 'sends CSV rows in one batchsendmsg and fails exactly the rows whose account does not exist' {
        $before = @(Get-TencentRequest '/v4/openim/batchsendmsg').Count
        $rows = "To_Account`nalice`nnobody-here`nbob" | ConvertFrom-Csv
        $results = $rows | Send-ImMessage -Text 'Maintenance tonight' -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue 3>$null
        $results.Succeeded | Should -Be @($true, $false, $true)
        $results[0].MessageKey | Should -Not -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.To_Account | Should -Be 'nobody-here'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.ServerCode | Should -Be 70107
        @(Get-TencentRequest '/v4/openim/batchsendmsg').Count | Should -Be ($before + 1)
    }
}
