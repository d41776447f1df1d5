using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Webhooks.Listener.Http;
using ImAdmin.Engine.Webhooks.WuKongIM;

namespace ImAdmin.Engine.Webhooks.Listener
{
    /// <summary>
    /// An HTTP listener for one provider's webhooks (on <see cref="HttpFront"/>, which bounds every request's read
    /// time). Worker threads accept requests, check and parse them, answer at once (Tencent allows 2 s; WuKongIM and Wildfire slow down or re-send when the answer is late) and only then
    /// queue a <see cref="WebhookReceipt"/>; the consumer takes receipts on its own thread (the cmdlet's pipeline
    /// thread). Disposing stops listening and releases the port.
    /// </summary>
    public sealed class WebhookListener : IDisposable
    {
        private readonly WebhookListenerOptions _options;
        private readonly HttpFront _front;
        private readonly BlockingCollection<WebhookReceipt> _queue = new BlockingCollection<WebhookReceipt>();
        private readonly ConcurrentQueue<string> _dropped = new ConcurrentQueue<string>();
        private readonly RecentIdSet _seen;
        private readonly string _path;
        private int _refused;
        private long _queuedBytes;

        private WebhookListener(WebhookListenerOptions options, string prefix)
        {
            _options = options;
            _seen = new RecentIdSet(options.DeduplicationCapacity);
            Prefix = prefix;
            var (endPoint, path) = EndPointOf(prefix);
            _path = path;
            _front = new HttpFront(endPoint, Handle) { ReadTimeout = options.RequestReadTimeout, MaxBodyBytes = options.MaxBodyBytes };
            _front.Dropped += reason => _dropped.Enqueue(reason);
            try
            {
                _front.Start();
            }
            catch (SocketException ex)
            {
                _front.Dispose();
                throw new ImException(ImErrorKind.InvalidState, $"Cannot listen on {prefix}: {ex.Message}. Choose another port with -Prefix.", ex) { ParameterName = "Prefix" };
            }
        }

        /// <summary>Starts listening; throws <see cref="ImException"/> when the prefix is invalid or its port is taken.</summary>
        public static WebhookListener Start(WebhookListenerOptions options) => new WebhookListener(options, NormalizePrefix(options.Prefix));

        /// <summary>The prefix listened on, always ending in '/'.</summary>
        public string Prefix { get; }

        /// <summary>Requests answered 503 because the consumer fell behind; read and reset.</summary>
        public int TakeRefusedCount() => Interlocked.Exchange(ref _refused, 0);

        /// <summary>
        /// Requests dropped unanswered since the last call, because they did not arrive whole within
        /// <see cref="WebhookListenerOptions.RequestReadTimeout"/> (a stalled or very slow sender): one reason each.
        /// </summary>
        public IReadOnlyList<string> TakeDropped()
        {
            var taken = new List<string>();
            while (_dropped.TryDequeue(out var reason)) taken.Add(reason);
            return taken;
        }

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
            // '+' and '*' are wildcard hosts (every address); check the rest as a URL.
            var check = text.Replace("://+", "://wildcard").Replace("://*", "://wildcard");
            if (!Uri.TryCreate(check, UriKind.Absolute, out var uri) || uri.IsDefaultPort && !HasPort(text) || uri.Port == 0)
                throw new ImInputException("Prefix", $"-Prefix '{prefix}' needs a host and a port other than 0, e.g. {WebhookListenerOptions.DefaultPrefix}");
            return text;
        }

        private static bool HasPort(string prefix) => prefix.IndexOf(':', "http://".Length) > 0;

        /// <summary>
        /// Where to bind and which path to serve. '+' and '*' listen on every address; localhost on loopback; a name on
        /// what it resolves to. The Host header is not matched: a webhook is accepted whatever name it was sent to.
        /// </summary>
        private static (IPEndPoint EndPoint, string Path) EndPointOf(string prefix)
        {
            var uri = new Uri(prefix.Replace("://+", "://wildcard").Replace("://*", "://wildcard"));
            var host = uri.Host.Trim('[', ']');
            IPAddress address;
            if (host == "wildcard") address = IPAddress.Any;
            else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) address = IPAddress.Loopback;
            else if (!IPAddress.TryParse(host, out address!))
            {
                try
                {
                    address = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Any;
                }
                catch (SocketException ex)
                {
                    throw new ImInputException("Prefix", $"-Prefix '{prefix}' names host '{host}', which does not resolve here ({ex.Message}).");
                }
            }
            return (new IPEndPoint(address, uri.Port), Uri.UnescapeDataString(uri.AbsolutePath));
        }

        private RawResponse Handle(RawRequest request)
        {
            var query = WebhookQuery.Parse(request.Query);
            var receipt = new WebhookReceipt(request.Method, request.Path, query.ToString());
            if (!request.Path.StartsWith(_path, StringComparison.OrdinalIgnoreCase) && !(request.Path + "/").Equals(_path, StringComparison.OrdinalIgnoreCase))
                return Answer(WebhookAnswer.Refuse(_options.Provider, 404, $"Nothing listens on {request.Path}; webhooks go to {_path}."));

            WebhookAnswer answer;
            var allowPost = false;
            if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                allowPost = true;
                answer = Refuse(receipt, WebhookCheck.Method, $"{request.Method} is not allowed here: webhooks are POSTed.");
            }
            else if (request.TooLarge)
            {
                answer = Refuse(receipt, WebhookCheck.Size, $"The body is larger than {_options.MaxBodyBytes} bytes.");
            }
            else
            {
                receipt.Body = Encoding.UTF8.GetString(request.Body);
                answer = Accept(receipt, query);
            }
            var response = Answer(answer);
            if (allowPost) response.Headers.Add(new KeyValuePair<string, string>("Allow", "POST"));
            // Answered first, handed on after: a consumer that stops at this event must not cut its answer off.
            response.Answered = () => Queue(receipt);
            return response;
        }

        private static RawResponse Answer(WebhookAnswer answer) => new RawResponse(answer.Status, answer.ContentType, Encoding.UTF8.GetBytes(answer.Body));

        /// <summary>Hands an answered request to the consumer; 503s are not (the server sends them again).</summary>
        private void Queue(WebhookReceipt receipt)
        {
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

        public void Dispose()
        {
            _front.Dispose();
            _queue.CompleteAdding();
        }
    }
}
