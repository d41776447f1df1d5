using System.Net;
using System.Net.Http;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Tests.Infrastructure;
using ImAdmin.Sandbox.Faults;

namespace ImAdmin.Engine.Tests.Http;

/// <summary>The shared retry pipeline against real sandbox faults on loopback.</summary>
public class RetryHandlerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Path = "/varz";

    private ProviderHttp Pipeline(RetryPolicy policy, Uri? baseUri = null) =>
        new(ImProvider.WuKongIM, ImHttpClientFactory.Create(new PipelineOptions("WuKongIM", baseUri ?? sandbox.Host.WuKongServer.BaseUri, policy, new HttpStatusClassifier())
        {
            Auth = new WuKongAuthHandler(ImSecret.FromPlainText(sandbox.Options.WuKongToken!)),
        }));

    private static async Task<(T Result, RecordingLog Log)> Logged<T>(Func<Task<T>> call)
    {
        var log = new RecordingLog();
        using (ImLog.Use(log)) return (await call(), log);
    }

    public void Dispose()
    {
        sandbox.Host.WuKongServer.Faults.Clear();
        sandbox.Host.WuKongServer.Journal.Clear();
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured_then_the_call_succeeds()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 503, RetryAfter = "1", Times = 2 });
        using var http = Pipeline(SandboxFixture.FastRetries());
        var (result, log) = await Logged(() => http.GetAsync(Path, CancellationToken.None));

        Assert.Equal(200, result.Status);
        Assert.Equal(3, sandbox.Host.WuKongServer.Journal.Count(Path));
        Assert.Contains(log.Verbose, m => m.Contains("retry 1 of 3 in 1 s (server Retry-After)"));
        Assert.Contains(log.Verbose, m => m.Contains("GET /varz -> 200") && m.Contains("(2 retries)"));
        Assert.Single(log.Warnings.Distinct());
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_honoured()
    {
        var date = DateTimeOffset.UtcNow.AddSeconds(1).ToString("R");
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 429, RetryAfter = date });
        using var http = Pipeline(SandboxFixture.FastRetries());
        var (result, log) = await Logged(() => http.GetAsync(Path, CancellationToken.None));

        Assert.Equal(200, result.Status);
        Assert.Equal(2, sandbox.Host.WuKongServer.Journal.Count(Path));
        Assert.Contains(log.Verbose, m => m.Contains("throttled (HTTP 429)") && m.Contains("server Retry-After"));
    }

    [Fact]
    public async Task When_retries_run_out_the_last_answer_is_returned()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 502, Times = 10 });
        using var http = Pipeline(SandboxFixture.FastRetries(2));
        var result = await http.GetAsync(Path, CancellationToken.None);

        Assert.Equal(502, result.Status);
        Assert.Equal(3, sandbox.Host.WuKongServer.Journal.Count(Path));
    }

    [Fact]
    public async Task A_request_that_may_have_been_processed_is_not_repeated()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 500, AfterProcessing = true });
        using var http = Pipeline(SandboxFixture.FastRetries());
        var result = await http.SendAsync(HttpMethod.Get, Path, null, RetrySafety.NotProcessedOnly, CancellationToken.None);

        Assert.Equal(500, result.Status);
        Assert.Equal(1, sandbox.Host.WuKongServer.Journal.Count(Path));
    }

    [Fact]
    public async Task Throttling_is_retried_even_for_requests_without_a_dedupe_key()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 429, RetryAfter = "0" });
        using var http = Pipeline(SandboxFixture.FastRetries());
        var result = await http.SendAsync(HttpMethod.Get, Path, null, RetrySafety.NotProcessedOnly, CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal(2, sandbox.Host.WuKongServer.Journal.Count(Path));
    }

    [Fact]
    public async Task A_wait_beyond_the_total_budget_is_not_started()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 503, RetryAfter = "3600" });
        using var http = Pipeline(SandboxFixture.FastRetries());
        var (result, log) = await Logged(() => http.GetAsync(Path, CancellationToken.None));

        Assert.Equal(503, result.Status);
        Assert.Equal(1, sandbox.Host.WuKongServer.Journal.Count(Path));
        Assert.Contains(log.Verbose, m => m.Contains("giving up") && m.Contains("budget"));
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_an_idempotent_call_is_retried()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 200, DelayMs = 3000, AfterProcessing = true });
        var policy = SandboxFixture.FastRetries();
        policy.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var http = Pipeline(policy);
        var result = await http.GetAsync(Path, CancellationToken.None);
        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task A_timed_out_send_without_dedupe_key_reports_an_unknown_outcome()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 200, DelayMs = 3000, AfterProcessing = true });
        var policy = SandboxFixture.FastRetries();
        policy.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var http = Pipeline(policy);
        var ex = await Assert.ThrowsAsync<ImException>(() => http.SendAsync(HttpMethod.Get, Path, null, RetrySafety.NotProcessedOnly, CancellationToken.None));

        Assert.Equal(ImErrorKind.Timeout, ex.Kind);
        Assert.True(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        using var refusing = new RefusingPort();
        using var http = Pipeline(SandboxFixture.FastRetries(2), refusing.Uri);
        var log = new RecordingLog();
        ImException ex;
        using (ImLog.Use(log)) ex = await Assert.ThrowsAsync<ImException>(() => http.SendAsync(HttpMethod.Post, "/message/send", "{}", RetrySafety.NotProcessedOnly, CancellationToken.None));

        Assert.Equal(ImErrorKind.ConnectionFailed, ex.Kind);
        Assert.False(ex.OutcomeUnknown);
        Assert.Equal(2, log.Verbose.Count(m => m.Contains("connection failed; retry")));
    }

    [Fact]
    public async Task Cancellation_stops_a_retry_wait_at_once()
    {
        sandbox.Host.WuKongServer.Faults.Add(new Fault { Path = Path, Status = 503, RetryAfter = "20" });
        using var http = Pipeline(SandboxFixture.FastRetries());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync(Path, cts.Token));
    }

    [Fact]
    public void Retry_after_reads_both_forms()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        using var delta = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        delta.Headers.TryAddWithoutValidation("Retry-After", "7");
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Read(delta, now));

        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(30).ToString("R"));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Read(date, now));

        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(-30).ToString("R"));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Read(past, now));
    }

    [Fact]
    public void Backoff_grows_is_capped_and_jittered()
    {
        var policy = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(400) };
        var random = new Random(1);
        for (var i = 0; i < 50; i++)
        {
            var first = policy.Backoff(1, random);
            Assert.InRange(first.TotalMilliseconds, 50, 100);
            var fifth = policy.Backoff(5, random);
            Assert.InRange(fifth.TotalMilliseconds, 200, 400);
        }
    }
}
