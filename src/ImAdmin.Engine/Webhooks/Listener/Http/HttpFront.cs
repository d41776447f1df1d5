using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Webhooks.Listener.Http
{
    /// <summary>
    /// A small HTTP/1.1 server on a TcpListener, in place of HttpListener: HttpListener reads requests whose Host does
    /// not match its prefix itself, without any time bound, and a few clients stalling mid-body there held up every
    /// other answer. Here each connection is served on its own task, and each request must arrive whole (head and
    /// body) within <see cref="ReadTimeout"/>, whatever its Host; a request that does not is dropped (the connection is
    /// closed) and reported through <see cref="Dropped"/>. Kept-alive connections wait up to <see cref="IdleTimeout"/>
    /// for their next request.
    /// </summary>
    internal sealed class HttpFront : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<RawRequest, RawResponse> _handle;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private Task? _acceptLoop;

        public HttpFront(IPEndPoint endPoint, Func<RawRequest, RawResponse> handle)
        {
            _listener = new TcpListener(endPoint);
            _handle = handle;
        }

        public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(5);

        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

        public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>Called for every request dropped because it did not arrive whole in time (with the reason).</summary>
        public event Action<string>? Dropped;

        /// <exception cref="SocketException">The address cannot be bound (port taken, address not local).</exception>
        public void Start()
        {
            _listener.Start();
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var reader = new RequestReader(stream);
                try
                {
                    while (!_stopping.IsCancellationRequested)
                    {
                        using (var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
                        {
                            idle.CancelAfter(IdleTimeout);
                            if (!await reader.WaitForRequestAsync(idle.Token).ConfigureAwait(false)) return;
                        }
                        var request = await ReadRequestAsync(client, stream, reader).ConfigureAwait(false);
                        if (request == null) return;
                        var response = _handle(request);
                        var keepAlive = request.KeepAlive && !request.TooLarge;
                        try
                        {
                            using var writing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                            writing.CancelAfter(ReadTimeout);
                            await WriteAsync(stream, response, keepAlive, writing.Token).ConfigureAwait(false);
                        }
                        finally
                        {
                            response.Answered?.Invoke();
                        }
                        if (!keepAlive) return;
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException)
                {
                    // The peer went away, an idle connection timed out, or the listener is stopping.
                }
            }
        }

        /// <summary>One whole request within the read bound; null when it was dropped or was not HTTP (answered 400).</summary>
        private async Task<RawRequest?> ReadRequestAsync(TcpClient client, Stream stream, RequestReader reader)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            bound.CancelAfter(ReadTimeout);
            // A cancelled socket read is not guaranteed on every platform: closing the socket ends it for sure.
            using var closeOnTimeout = bound.Token.Register(() => client.Close());
            RawRequest? request = null;
            try
            {
                request = await reader.ReadHeadAsync(bound.Token).ConfigureAwait(false);
                if (request.Headers.TryGetValue("Expect", out var expect) && expect.IndexOf("100-continue", StringComparison.OrdinalIgnoreCase) >= 0 && !DeclaresTooLarge(request))
                {
                    var go = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
                    await stream.WriteAsync(go, 0, go.Length, bound.Token).ConfigureAwait(false);
                }
                await reader.ReadBodyAsync(request, MaxBodyBytes, bound.Token).ConfigureAwait(false);
                return request;
            }
            catch (Exception ex) when (bound.IsCancellationRequested && !_stopping.IsCancellationRequested &&
                                       (ex is OperationCanceledException || ex is IOException || ex is SocketException || ex is ObjectDisposedException))
            {
                Dropped?.Invoke(request == null
                    ? $"a request's head did not arrive within {ReadTimeout.TotalSeconds:0.#} s"
                    : $"{request.Method} {request.Path}{request.Query} (Host '{Header(request, "Host")}'): the body did not arrive within {ReadTimeout.TotalSeconds:0.#} s");
                return null;
            }
            catch (InvalidDataException ex)
            {
                var bad = new RawResponse(400, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(ex.Message));
                await WriteAsync(stream, bad, keepAlive: false, bound.Token).ConfigureAwait(false);
                return null;
            }
            catch (EndOfStreamException)
            {
                return null;
            }
        }

        private bool DeclaresTooLarge(RawRequest request) =>
            request.Headers.TryGetValue("Content-Length", out var text) && long.TryParse(text, out var length) && length > MaxBodyBytes;

        private static string Header(RawRequest request, string name) => request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

        private static async Task WriteAsync(Stream stream, RawResponse response, bool keepAlive, CancellationToken ct)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(ReasonPhrase(response.Status)).Append("\r\n");
            head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\n");
            foreach (var header in response.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            head.Append("Connection: ").Append(keepAlive ? "keep-alive" : "close").Append("\r\n\r\n");
            var bytes = Encoding.ASCII.GetBytes(head.ToString());
            await stream.WriteAsync(bytes, 0, bytes.Length, ct).ConfigureAwait(false);
            if (response.Body.Length > 0) await stream.WriteAsync(response.Body, 0, response.Body.Length, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }

        private static string ReasonPhrase(int status) => status switch
        {
            200 => "OK",
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            413 => "Payload Too Large",
            503 => "Service Unavailable",
            _ => "Status",
        };

        public void Dispose()
        {
            if (_stopping.IsCancellationRequested) return;
            _stopping.Cancel();
            _listener.Stop();
            try
            {
                _acceptLoop?.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends by an exception when the listener stops under it.
            }
        }
    }
}
