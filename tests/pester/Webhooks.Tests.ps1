# ConvertFrom-ImWebhook and Receive-ImWebhook in a real PowerShell: pipeline binding, runbook-style input without a
# query string, error records, and a live listener fed by the sandbox (POST /_sandbox/webhooks).
BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:manifest = Join-Path $PSScriptRoot '../../ImAdmin.psd1'
    Import-Module $manifest -Force
    $script:sandbox = Start-ImSandbox
    $script:http = [System.Net.Http.HttpClient]::new()

    function Get-FreePort {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $port
    }

    function Test-PortFree([int] $Port) {
        try { $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $Port); $probe.Start(); $probe.Stop(); $true }
        catch { $false }
    }

    # Asks the sandbox to post webhooks to a listener, without waiting: the sandbox waits until the listener is up.
    function Start-SandboxPost([hashtable] $Order) {
        $content = [System.Net.Http.StringContent]::new(($Order | ConvertTo-Json), [Text.Encoding]::UTF8, 'application/json')
        $script:http.PostAsync("$($script:sandbox.wuKongIM)/_sandbox/webhooks", $content)
    }

    # GETs $Url from another runspace as soon as something listens there; returns the PowerShell running it.
    function Start-GetWhenListening([string] $Url) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($Url)
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($true) {
                try { return [int](Invoke-WebRequest -Uri $Url -Method Get -SkipHttpErrorCheck).StatusCode }
                catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 50 }
            }
        }).AddArgument($Url)
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }

    # The sandbox's report of how the listener answered each post.
    function Receive-SandboxPost($Task) {
        if (-not $Task.Wait(60000)) { throw 'The sandbox did not finish posting within 60 s.' }
        ($Task.Result.Content.ReadAsStringAsync().Result | ConvertFrom-Json).deliveries
    }

    $script:notifyBody = '[{"header":{"no_persist":0,"red_dot":1,"sync_once":0},"setting":0,"message_id":501,"message_idstr":"501","client_msg_no":"c1","message_seq":1,"from_uid":"alice","channel_id":"bob","channel_type":1,"timestamp":1700000000,"payload":"eyJ0eXBlIjoxLCJjb250ZW50IjoiaGVsbG8ifQ=="}]'
    $script:vectorBody = '{"CallbackCommand":"C2C.CallbackAfterMsgWithDraw","From_Account":"jared","To_Account":"Jonh","MsgKey":"1_2_3","UnreadMsgNum":0}'
    $script:vectorQuery = 'SdkAppid=1400000000&CallbackCommand=C2C.CallbackAfterMsgWithDraw&contenttype=json&RequestTime=1669872112&Sign=17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061'
}

AfterAll {
    $script:http.Dispose()
    Stop-ImSandbox $script:sandbox
}

Describe 'ConvertFrom-ImWebhook' {
    It 'turns piped WuKongIM bodies into typed events, one per entry or message' {
        $events = '["shop-7-bot-1-1-1001-2-4"]', $notifyBody | ConvertFrom-ImWebhook -Provider WuKongIM

        $events.Count | Should -Be 2
        $events[0] | Should -BeOfType ([ImAdmin.Engine.Models.Webhooks.WuKongOnlineStatusEvent])
        $events[0].UserId | Should -Be 'shop-7-bot'
        $events[0].DeviceFlag | Should -Be 'Web'
        $events[0].Online | Should -BeTrue
        $events[1] | Should -BeOfType ([ImAdmin.Engine.Models.ImMessage])
        $events[1].Text | Should -Be 'hello'
        $events[1].Timestamp | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1700000000))
    }

    It 'reads a runbook $WebhookData, which has no query string' {
        $WebhookData = [pscustomobject]@{
            WebhookName   = 'im-callbacks'
            RequestBody   = '{"CallbackCommand":"State.StateChange","EventTime":1629883332497,"Info":{"Action":"Logout","To_Account":"bot","Reason":"LinkClose"}}'
            RequestHeader = @{ 'Content-Type' = 'application/json'; 'User-Agent' = 'Tencent-IM' }
        }

        $event = $WebhookData | ConvertFrom-ImWebhook -Provider TencentCloud

        $event | Should -BeOfType ([ImAdmin.Engine.Models.Webhooks.TencentStateChangeEvent])
        $event.Online | Should -BeFalse
        $event.SdkAppId | Should -BeNullOrEmpty
        $offline = ConvertFrom-ImWebhook -Provider WuKongIM -Body '{"message_id":9,"channel_id":"c","payload":""}' -Event msg.offline
        $offline.Event | Should -Be 'msg.offline'
    }

    It 'checks Tencent''s signature vector with -Query and -CallbackToken' {
        $token = ConvertTo-TestSecret 'xxxxyyyy'
        $event = ConvertFrom-ImWebhook TencentCloud $vectorBody -Query $vectorQuery -CallbackToken $token -SdkAppId 1400000000 -MaxClockSkew (New-TimeSpan -Days 36500)

        $event | Should -BeOfType ([ImAdmin.Engine.Models.Webhooks.TencentAfterPrivateMessageRevokeEvent])
        $event.MessageKey | Should -Be '1_2_3'
    }

    It 'takes the query as a hashtable' {
        $query = @{ RequestTime = 1669872112; Sign = '17773BC39A671D7B9AA835458704D2A6DB81360A5940292B587D6D760D484061' }
        $event = ConvertFrom-ImWebhook TencentCloud $vectorBody -Query $query -CallbackToken (ConvertTo-TestSecret 'xxxxyyyy') -MaxClockSkew (New-TimeSpan -Days 36500)

        $event.From | Should -Be 'jared'
    }

    It 'reports a wrong token and a stale RequestTime as distinct non-terminating errors targeting the body' {
        $wrong = ConvertFrom-ImWebhook TencentCloud $vectorBody -Query $vectorQuery -CallbackToken (ConvertTo-TestSecret 'xxxyyy') -ErrorAction SilentlyContinue -ErrorVariable signErrors
        $stale = ConvertFrom-ImWebhook TencentCloud $vectorBody -Query $vectorQuery -CallbackToken (ConvertTo-TestSecret 'xxxxyyyy') -ErrorAction SilentlyContinue -ErrorVariable timeErrors

        $wrong, $stale | Should -BeNullOrEmpty
        $signErrors[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.WebhookSignature,*'
        $signErrors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $signErrors[0].TargetObject | Should -Be $vectorBody
        $signErrors[0].ErrorDetails.RecommendedAction | Should -Match 'Tencent console'
        $timeErrors[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.WebhookRequestTime,*'
        $timeErrors[0].Exception.Message | Should -Match 'MaxClockSkew'
    }

    It 'reports a malformed body and goes on with the next one' {
        $events = 'not json', '["u-0-1-1-1-1"]' | ConvertFrom-ImWebhook -Provider WuKongIM -ErrorAction SilentlyContinue -ErrorVariable failed

        @($events).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'not json'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.WebhookMalformed,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'passes an unknown event on as raw JSON with a warning' {
        $event = ConvertFrom-ImWebhook Wildfire '{"exception":"boom"}' -WarningVariable warned 3>$null

        $event | Should -BeOfType ([ImAdmin.Engine.Models.Webhooks.ImUnknownWebhookEvent])
        ($event.Json | ConvertFrom-Json).exception | Should -Be 'boom'
        $warned[0] | Should -Match '-Event'
    }

    It 'replays archived webhooks from CSV, binding Body and Event by column' {
        $csv = Join-Path $TestDrive 'archive.csv'
        @(
            [pscustomobject]@{ Body = '{"userId":"a","targetId":"b","type":2,"value":"1"}'; Event = 'relation.update' }
            [pscustomobject]@{ Body = '{"chatroomId":"r1","type":1}'; Event = 'chatroom.info_update' }
        ) | Export-Csv $csv

        $events = Import-Csv $csv | ConvertFrom-ImWebhook -Provider Wildfire

        $events[0].Type | Should -Be 'Blacklist'
        $events[1].Type | Should -Be 'Destroy'
    }

    It 'refuses -CallbackToken for unsigned providers, naming the parameter' {
        $err = { ConvertFrom-ImWebhook WuKongIM '[]' -CallbackToken (ConvertTo-TestSecret 't') } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.InvalidArgument,*'
        $err.Exception.Message | Should -Match '-CallbackToken applies to TencentCloud'
    }
}

Describe 'Receive-ImWebhook' {
    BeforeEach {
        $script:port = Get-FreePort
        $script:prefix = "http://127.0.0.1:$port/hooks/"
    }

    It 'streams sandbox-posted WuKongIM messages from the pipeline thread, drops re-deliveries and stops at -Count' {
        $post = Start-SandboxPost @{ provider = 'WuKongIM'; url = $prefix; event = 'msg.notify'; count = 4; redeliver = $true }

        $seen = [System.Collections.Generic.List[object]]::new()
        Receive-ImWebhook -Provider WuKongIM -Prefix $prefix -Count 4 -Timeout (New-TimeSpan -Seconds 60) | ForEach-Object { $seen.Add($_) }

        $deliveries = Receive-SandboxPost $post
        $deliveries.status | Should -Be @(200, 200)
        $seen.Count | Should -Be 4
        $seen | ForEach-Object { $_ | Should -BeOfType ([ImAdmin.Engine.Models.Webhooks.WuKongMessageEvent]) }
        @($seen.MessageId | Select-Object -Unique).Count | Should -Be 4
        Test-PortFree $port | Should -BeTrue
    }

    It 'answers Tencent callbacks with the OK envelope and refuses a tampered signature with an error record' {
        $token = 'console-token'
        $good = Start-SandboxPost @{ provider = 'TencentCloud'; url = $prefix; event = 'Group.CallbackAfterSendMsg'; token = $token; text = 'hi group' }

        $event = Receive-ImWebhook TencentCloud $prefix -CallbackToken (ConvertTo-TestSecret $token) -Count 1 -Timeout (New-TimeSpan -Seconds 60)

        $answer = (Receive-SandboxPost $good)[0]
        $answer.status | Should -Be 200
        ($answer.body | ConvertFrom-Json).ActionStatus | Should -Be 'OK'
        $event | Should -BeOfType ([ImAdmin.Engine.Models.Webhooks.TencentAfterGroupMessageSendEvent])
        $event.Text | Should -Be 'hi group'
        $event.SdkAppId | Should -Be 1400000000

        $bad = Start-SandboxPost @{ provider = 'TencentCloud'; url = $prefix; event = 'C2C.CallbackAfterSendMsg'; token = $token; tamper = $true }
        $none = Receive-ImWebhook TencentCloud $prefix -CallbackToken (ConvertTo-TestSecret $token) -Timeout (New-TimeSpan -Seconds 3) -ErrorAction SilentlyContinue -ErrorVariable refused
        (Receive-SandboxPost $bad)[0].status | Should -Be 401
        $none | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.WebhookSignature,*'
        $refused[0].TargetObject.StatusCode | Should -Be 401
        $refused[0].TargetObject.Body | Should -Match 'C2C.CallbackAfterSendMsg'
    }

    It 'never shows the callback token or a signature in any stream' {
        $token = 'very-secret-callback-token'
        $time = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $sign = -join ([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes("$token$time")) | ForEach-Object { $_.ToString('x2') })
        $good = Start-SandboxPost @{ provider = 'TencentCloud'; url = $prefix; event = 'State.StateChange'; token = $token; requestTime = $time }

        $out = Receive-ImWebhook TencentCloud $prefix -CallbackToken (ConvertTo-TestSecret $token) -Count 1 -Timeout (New-TimeSpan -Seconds 60) -Verbose *>&1 |
            ForEach-Object { $_ | Format-List * -Force | Out-String } | Out-String
        $bad = Start-SandboxPost @{ provider = 'TencentCloud'; url = $prefix; event = 'State.StateChange'; token = 'other'; requestTime = $time }
        $out += Receive-ImWebhook TencentCloud $prefix -CallbackToken (ConvertTo-TestSecret $token) -Timeout (New-TimeSpan -Seconds 3) -Verbose -ErrorAction Continue *>&1 |
            ForEach-Object { $_ | Format-List * -Force | Out-String } | Out-String

        (Receive-SandboxPost $good)[0].status | Should -Be 200
        (Receive-SandboxPost $bad)[0].status | Should -Be 401
        $out | Should -Match 'State.StateChange'
        $out | Should -Match 'Sign=\*\*\*'
        $out | Should -Not -Match $token
        $out | Should -Not -Match $sign
    }

    It 'types every Wildfire callback the sandbox sends' {
        $names = 'message.forward', 'message.recall', 'user.online_status', 'relation.update', 'group.member_update', 'chatroom.member_update'
        $posts = foreach ($name in $names) { Start-SandboxPost @{ provider = 'Wildfire'; url = $prefix; event = $name } }

        $events = Receive-ImWebhook Wildfire $prefix -Count $names.Count -Timeout (New-TimeSpan -Seconds 60)

        $posts | ForEach-Object { (Receive-SandboxPost $_).status | Should -Be 200 }
        ($events.Event | Sort-Object) | Should -Be ($names | Sort-Object)
        $events | Where-Object Event -eq 'message.forward' | ForEach-Object { $_.Text | Should -Be 'hello from the sandbox' }
    }

    It 'stops the listener and frees the port when Select-Object -First has enough' {
        $post = Start-SandboxPost @{ provider = 'WuKongIM'; url = $prefix; event = 'user.onlinestatus'; count = 5; userId = 'a-b' }

        $first = Receive-ImWebhook WuKongIM $prefix -Timeout (New-TimeSpan -Seconds 60) | Select-Object -First 2

        $first.UserId | Should -Be @('a-b-0', 'a-b-1')
        (Receive-SandboxPost $post).status | Should -Be 200
        Test-PortFree $port | Should -BeTrue
    }

    It 'ends quietly at -Timeout when nothing arrives' {
        $events = Receive-ImWebhook Wildfire $prefix -Timeout (New-TimeSpan -Milliseconds 300)

        $events | Should -BeNullOrEmpty
        Test-PortFree $port | Should -BeTrue
    }

    It 'stops at once on Ctrl+C (StopProcessing) and releases the port' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$manifest'; Receive-ImWebhook -Provider WuKongIM -Prefix '$prefix'")
        $async = $ps.BeginInvoke()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Test-PortFree $port) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Test-PortFree $port | Should -BeFalse

            $ps.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Test-PortFree $port | Should -BeTrue
        } finally {
            $ps.Dispose()
        }
    }

    It 'reports a GET as a 405 error whose target is the request' {
        $get = Start-GetWhenListening $prefix
        $null = Receive-ImWebhook WuKongIM $prefix -Timeout (New-TimeSpan -Seconds 3) -ErrorAction SilentlyContinue -ErrorVariable failed

        $status = $get.PowerShell.EndInvoke($get.Handle)
        $get.PowerShell.Dispose()
        $status | Should -Be 405
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImAdmin.WebhookMethod,*'
        $failed[0].TargetObject.Method | Should -Be 'GET'
    }

    It 'fails with one clear error when the port is taken' {
        $busy = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $port)
        $busy.Start()
        try {
            $err = { Receive-ImWebhook WuKongIM $prefix -Count 1 } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'ImAdmin.ListenFailed,*'
            $err.Exception.Message | Should -Match '-Prefix'
        } finally {
            $busy.Stop()
        }
    }

    It 'refuses a non-positive -Timeout and an https prefix, naming the parameter' {
        { Receive-ImWebhook WuKongIM $prefix -Timeout ([TimeSpan]::Zero) } | Should -Throw -ExpectedMessage '*-Timeout must be positive*'
        $err = { Receive-ImWebhook WuKongIM 'https://127.0.0.1:8443/' } | Should -Throw -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '-Prefix'
    }
}
