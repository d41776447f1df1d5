using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Retries a call within the session's <see cref="RetryPolicy"/>. What may be retried depends on the
    /// request's <see cref="RetrySafety"/> and on the provider's <see cref="IResponseClassifier"/>: a message send
    /// without a dedupe key is never repeated after an answer that may mean "processed".
    /// When retries run out the last answer is returned, so the provider can report the server's own error.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly RetryPolicy _policy;
        private readonly IResponseClassifier _classifier;
        private readonly Random _random = new Random();

        public RetryHandler(RetryPolicy policy, IResponseClassifier classifier)
        {
            _policy = policy;
            _classifier = classifier;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var safety = request.GetRetrySafety();
            var clock = Stopwatch.StartNew();
            // Only for messages: most calls succeed at once, and a bulk run makes one call per row.
            string Label() => request.Method + " " + Redactor.RedactPathAndQuery(request.RequestUri!).Split('?')[0];
            byte[]? body = null;

            for (var attempt = 0; ; attempt++)
            {
                // The body is copied only for a retry: request contents are buffered (StringContent), so they can be
                // read again after a send, and most calls are never repeated.
                if (attempt == 1 && request.Content != null) body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var current = attempt == 0 ? request : Clone(request, body);
                HttpResponseMessage? response = null;
                Exception? failure = null;
                using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    attemptCts.CancelAfter(_policy.AttemptTimeout);
                    try
                    {
                        response = await base.SendAsync(current, attemptCts.Token).ConfigureAwait(false);
                        if (response.Content != null) await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = new TimeoutException($"{Label()} got no answer within {_policy.AttemptTimeout.TotalSeconds:0.#} s.");
                    }
                    catch (HttpRequestException ex)
                    {
                        failure = ex;
                    }
                }

                request.SetRetries(attempt);
                bool retryable;
                TimeSpan? serverWait = null;
                string reason;
                if (response != null)
                {
                    var text = response.Content == null || !_classifier.ReadsBody ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var cls = _classifier.Classify(response, text);
                    if (cls == ResponseClass.Final) return response;
                    retryable = cls == ResponseClass.Throttled || safety == RetrySafety.Idempotent;
                    serverWait = RetryAfter.Read(response, DateTimeOffset.UtcNow);
                    reason = cls == ResponseClass.Throttled ? $"throttled (HTTP {(int)response.StatusCode})" : $"transient failure (HTTP {(int)response.StatusCode})";
                    if (cls == ResponseClass.Throttled)
                    {
                        // The session's rate limits slow down too, so concurrent calls stop adding to the overload.
                        (response.RequestMessage ?? current).ReportThrottled(serverWait);
                        ImLog.Warning("The server is throttling requests; ImAdmin waits and retries as it asks (details with -Verbose).");
                    }
                }
                else
                {
                    var refused = IsConnectFailure(failure!);
                    retryable = refused || safety == RetrySafety.Idempotent;
                    reason = refused ? "connection failed" : failure is TimeoutException ? "timed out" : "transport error";
                }

                var retry = attempt + 1;
                if (!retryable || retry > _policy.MaxRetries)
                {
                    if (!retryable && attempt == 0 && response == null)
                        ImLog.Verbose($"{Label()}: {reason}; not retried because the request may already have been processed.");
                    return response ?? Rethrow(failure!);
                }

                var delay = _policy.Backoff(retry, _random);
                if (serverWait.HasValue && serverWait.Value > delay) delay = serverWait.Value;
                if (clock.Elapsed + delay > _policy.TotalBudget)
                {
                    ImLog.Verbose($"{Label()}: {reason}; giving up, the next wait ({delay.TotalSeconds:0.##} s) would exceed the {_policy.TotalBudget.TotalSeconds:0} s budget.");
                    return response ?? Rethrow(failure!);
                }

                ImLog.Verbose($"{Label()}: {reason}; retry {retry} of {_policy.MaxRetries} in {delay.TotalSeconds:0.##} s" +
                              (serverWait.HasValue ? " (server Retry-After)." : "."));
                response?.Dispose();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private static HttpResponseMessage Rethrow(Exception failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
            throw failure; // not reached
        }

        /// <summary>A fresh copy of a request for another attempt (a sent request cannot be sent again).</summary>
        internal static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
        {
            var clone = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
            foreach (var header in original.Headers) clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body != null)
            {
                clone.Content = new ByteArrayContent(body);
                foreach (var header in original.Content!.Headers) clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            foreach (var property in original.Properties.ToList()) clone.Properties[property.Key] = property.Value;
            return clone;
        }

        /// <summary>True when the request never reached the server (refused, unresolvable, unreachable).</summary>
        internal static bool IsConnectFailure(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException se)
                    return se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.HostNotFound ||
                           se.SocketErrorCode == SocketError.NetworkUnreachable || se.SocketErrorCode == SocketError.HostUnreachable ||
                           se.SocketErrorCode == SocketError.TryAgain;
                if (e is WebException we)
                    return we.Status == WebExceptionStatus.ConnectFailure || we.Status == WebExceptionStatus.NameResolutionFailure;
            }
            return false;
        }
    }
}
