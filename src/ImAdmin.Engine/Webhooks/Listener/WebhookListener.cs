using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Webhooks.WuKongIM;

namespace ImAdmin.Engine.Webhooks.Listener
{
    /// <summary>
    /// An HTTP listener for one provider's webhooks. Worker threads accept requests, check and parse them, answer at
    /// once (Tencent allows 2 s; WuKongIM and Wildfire slow down or re-send when the answer is late) and only then
    /// queue a <see cref="WebhookReceipt"/>; the consumer takes receipts on its own thread (the cmdlet's pipeline
    /// thread). Disposing stops listening and releases the port.
    /// </summary>
    public sealed class WebhookListener : IDisposable
    {
        private readonly WebhookListenerOptions _options;
        private readonly HttpListener _listener = new HttpListener();
        private readonly BlockingCollection<WebhookReceipt> _queue = new BlockingCollection<WebhookReceipt>();
        private readonly RecentIdSet _seen;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Task _acceptLoop;
        private int _refused;
        private long _queuedBytes;

        private WebhookListener(WebhookListenerOptions options, string prefix)
        {
            _options = options;
            _seen = new RecentIdSet(options.DeduplicationCapacity);
            Prefix = prefix;
            _listener.Prefixes.Add(prefix);
            _listener.IgnoreWriteExceptions = true;
            try
            {
                _listener.Start();
            }
            catch (HttpListenerException ex)
            {
                _listener.Close();
                throw new ImException(ImErrorKind.InvalidState,
                    $"Cannot listen on {prefix}: {ex.Message}. Choose another port with -Prefix" +
                    (Environment.OSVersion.Platform == PlatformID.Win32NT ? ", or reserve the URL with 'netsh http add urlacl'." : "."), ex)
                { ParameterName = "Prefix" };
            }
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Starts listening; throws <see cref="ImException"/> when the prefix is invalid or its port is taken.</summary>
        public static WebhookListener Start(WebhookListenerOptions options) => new WebhookListener(options, NormalizePrefix(options.Prefix));

        /// <summary>The prefix listened on, always ending in '/'.</summary>
        public string Prefix { get; }

        /// <summary>Requests answered 503 because the consumer fell behind; read and reset.</summary>
        public int TakeRefusedCount() => Interlocked.Exchange(ref _refused, 0);

        /// <summary>
        /// The receipts in the order they were answered, on the calling thread, until <paramref name="maxEvents"/> events
        /// have been handed out (the receipt that reaches it is cut down to fit; the rest are counted in
        /// <see cref="WebhookReceipt.EventsOverCount"/>) or <paramref name="timeout"/> has passed.
        /// </summary>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public IEnumerable<WebhookReceipt> Receive(int? maxEvents, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var emitted = 0;
            while (maxEvents == null || emitted < maxEvents)
            {
                var wait = Timeout.Infinite;
                if (timeout is { } limit)
                {
                    var left = limit - clock.Elapsed;
                    if (left <= TimeSpan.Zero) yield break;
                    wait = (int)Math.Min(int.MaxValue, Math.Ceiling(left.TotalMilliseconds));
                }
                if (!_queue.TryTake(out var receipt, wait, cancellationToken)) continue;
                Interlocked.Add(ref _queuedBytes, -receipt.Body.Length);
                if (maxEvents is { } max && emitted + receipt.Events.Count > max) receipt.KeepFirst(max - emitted);
                emitted += receipt.Events.Count;
                yield return receipt;
            }
        }

        internal static string NormalizePrefix(string? prefix)
        {
            var text = (prefix ?? string.Empty).Trim();
            if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                throw new ImInputException("Prefix", $"-Prefix '{prefix}' must be an http:// prefix such as {WebhookListenerOptions.DefaultPrefix} (HTTPS is not supported: put a TLS proxy in front).");
            if (!text.EndsWith("/", StringComparison.Ordinal)) text += "/";
            // '+' and '*' are HttpListener's wildcard hosts; check the rest as a URL.
            var check = text.Replace("://+", "://wildcard").Replace("://*", "://wildcard");
            if (!Uri.TryCreate(check, UriKind.Absolute, out var uri) || uri.IsDefaultPort && !HasPort(text) || uri.Port == 0)
                throw new ImInputException("Prefix", $"-Prefix '{prefix}' needs a host and a port other than 0, e.g. {WebhookListenerOptions.DefaultPrefix}");
            return text;
        }

        private static bool HasPort(string prefix) => prefix.IndexOf(':', "http://".Length) > 0;

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stopping.IsCancellationRequested || !_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;
                }
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var query = WebhookQuery.Parse(request.Url?.Query);
            var receipt = new WebhookReceipt(request.HttpMethod, request.Url?.AbsolutePath ?? "/", query.ToString());
            try
            {
                WebhookAnswer answer;
                if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.AddHeader("Allow", "POST");
                    answer = Refuse(receipt, WebhookCheck.Method, $"{request.HttpMethod} is not allowed here: webhooks are POSTed.");
                }
                else
                {
                    var body = await ReadBodyAsync(request).ConfigureAwait(false);
                    if (body == null)
                    {
                        answer = Refuse(receipt, WebhookCheck.Size, $"The body is larger than {_options.MaxBodyBytes} bytes.");
                    }
                    else
                    {
                        receipt.Body = body;
                        answer = Accept(receipt, query);
                    }
                }
                await WriteAsync(context.Response, answer).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException || ex is OperationCanceledException)
            {
                // The sender hung up or the listener is stopping; whatever was read is still reported below.
            }
            if (receipt.StatusCode == 0 || receipt.StatusCode == 503) return;
            try
            {
                Interlocked.Add(ref _queuedBytes, receipt.Body.Length);
                _queue.Add(receipt);
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // Stopped meanwhile: nobody is left to read it.
            }
        }

        private WebhookAnswer Accept(WebhookReceipt receipt, WebhookQuery query)
        {
            var parsed = WebhookParser.Parse(new WebhookRequest(_options.Provider, receipt.Body, null, query), _options.Parse);
            receipt.Event = parsed.Event;
            if (_queue.Count >= _options.QueueCapacity || Interlocked.Read(ref _queuedBytes) + receipt.Body.Length > _options.QueueCapacityBytes)
            {
                // Before deduplication, so the server's retry of this request is not taken for a repeat.
                Interlocked.Increment(ref _refused);
                return Refuse(receipt, WebhookCheck.Capacity, "The receiver is busy; send again later.");
            }
            var events = parsed.Events;
            if (_options.Deduplicate) events = events.Where(IsFirstDelivery).ToList();
            receipt.DuplicatesDropped = parsed.Events.Count - events.Count;
            receipt.Events = events;
            receipt.Errors = parsed.Errors;
            receipt.Warnings = parsed.Warnings;
            var answer = WebhookAnswer.For(_options.Provider, parsed);
            receipt.StatusCode = answer.Status;
            return answer;
        }

        /// <summary>msg.notify is re-sent whole after any failure (see docs/server-behaviour/wukongim.md, 'Webhooks'); other events are never repeated.</summary>
        private bool IsFirstDelivery(IImWebhookEvent ev) =>
            ev is not WuKongMessageEvent { Event: WuKongWebhookParser.Notify, MessageId: not 0 } message || _seen.Add(message.MessageId);

        private WebhookAnswer Refuse(WebhookReceipt receipt, WebhookCheck check, string reason)
        {
            var answer = WebhookAnswer.Refuse(_options.Provider, WebhookAnswer.StatusOf(check), reason);
            receipt.StatusCode = answer.Status;
            receipt.Errors = new[] { new ImWebhookException(_options.Provider, check, reason) };
            return answer;
        }

        /// <summary>The body as UTF-8 text, or null when it is larger than allowed (checked before reading when the length is declared).</summary>
        private async Task<string?> ReadBodyAsync(HttpListenerRequest request)
        {
            if (request.ContentLength64 > _options.MaxBodyBytes) return null;
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.InputStream.ReadAsync(chunk, 0, chunk.Length, _stopping.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        private static async Task WriteAsync(HttpListenerResponse response, WebhookAnswer answer)
        {
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            response.ContentLength64 = bytes.Length;
            if (bytes.Length > 0) await response.OutputStream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            response.Close();
        }

        public void Dispose()
        {
            if (_stopping.IsCancellationRequested) return;
            _stopping.Cancel();
            try
            {
                _listener.Close();
            }
            catch (ObjectDisposedException)
            {
                // Already closed.
            }
            try
            {
                _acceptLoop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends by an exception when the listener closes under it.
            }
            _queue.Dispose();
            _stopping.Dispose();
        }
    }
}
