using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ImAdmin.Engine.Webhooks.Listener.Http
{
    /// <summary>
    /// Reads HTTP/1.1 requests from one connection: request line, headers, then a Content-Length or chunked body.
    /// Buffered, so several requests on a kept-alive connection are read in turn. Every read honours the token, which
    /// the front cancels when a request takes longer than allowed.
    /// </summary>
    internal sealed class RequestReader
    {
        private const int MaxHeadBytes = 64 * 1024;

        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public RequestReader(Stream stream) => _stream = stream;

        /// <summary>Waits until the next request starts; false when the peer closed the connection first.</summary>
        public async Task<bool> WaitForRequestAsync(CancellationToken ct) => _end > _start || await FillAsync(ct).ConfigureAwait(false);

        /// <summary>The request line and headers.</summary>
        /// <exception cref="InvalidDataException">Not an HTTP/1.x request, or a head over 64 KB.</exception>
        public async Task<RawRequest> ReadHeadAsync(CancellationToken ct)
        {
            var headBytes = 0;
            string line;
            do
            {
                line = await ReadLineAsync(ct).ConfigureAwait(false);
                headBytes += line.Length + 2;
            }
            while (line.Length == 0 && headBytes < 16); // tolerate stray CRLFs between requests

            var parts = line.Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) throw new InvalidDataException("Not an HTTP/1.x request line.");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while ((line = await ReadLineAsync(ct).ConfigureAwait(false)).Length > 0)
            {
                headBytes += line.Length + 2;
                if (headBytes > MaxHeadBytes) throw new InvalidDataException("The request head is larger than 64 KB.");
                var colon = line.IndexOf(':');
                if (colon <= 0) throw new InvalidDataException("A header line has no name.");
                var name = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }

            var target = parts[1];
            if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                target = absolute.PathAndQuery;
            var q = target.IndexOf('?');
            var path = q < 0 ? target : target.Substring(0, q);
            return new RawRequest(parts[0], WebUtility.UrlDecode(path.Replace("+", "%2B")), q < 0 ? string.Empty : target.Substring(q), headers)
            {
                KeepAlive = parts[2] != "HTTP/1.0" && !(headers.TryGetValue("Connection", out var connection) && connection.IndexOf("close", StringComparison.OrdinalIgnoreCase) >= 0),
            };
        }

        /// <summary>The body of <paramref name="request"/>: by Content-Length, by chunks, or none; stops reading past <paramref name="maxBytes"/>.</summary>
        public async Task ReadBodyAsync(RawRequest request, long maxBytes, CancellationToken ct)
        {
            if (request.Headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                await ReadChunkedAsync(request, maxBytes, ct).ConfigureAwait(false);
                return;
            }
            if (!request.Headers.TryGetValue("Content-Length", out var lengthText)) return;
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                throw new InvalidDataException("Content-Length is not a number.");
            if (length > maxBytes)
            {
                request.TooLarge = true;
                return;
            }
            request.Body = await ReadExactAsync((int)length, ct).ConfigureAwait(false);
        }

        private async Task ReadChunkedAsync(RawRequest request, long maxBytes, CancellationToken ct)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync(ct).ConfigureAwait(false);
                var semicolon = sizeLine.IndexOf(';');
                if (!int.TryParse(semicolon < 0 ? sizeLine.Trim() : sizeLine.Substring(0, semicolon).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                    throw new InvalidDataException("A chunk size is not a hex number.");
                if (size == 0) break;
                if (body.Length + size > maxBytes)
                {
                    request.TooLarge = true;
                    return;
                }
                var chunk = await ReadExactAsync(size, ct).ConfigureAwait(false);
                body.Write(chunk, 0, chunk.Length);
                await ReadLineAsync(ct).ConfigureAwait(false);
            }
            while ((await ReadLineAsync(ct).ConfigureAwait(false)).Length > 0)
            {
                // trailers: ignored
            }
            request.Body = body.ToArray();
        }

        private async Task<string> ReadLineAsync(CancellationToken ct)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct).ConfigureAwait(false)) throw new EndOfStreamException("The connection closed mid-request.");
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var stop = newline < 0 ? _end : newline;
                line.Append(Encoding.ASCII.GetString(_buffer, _start, stop - _start));
                if (line.Length > MaxHeadBytes) throw new InvalidDataException("A line is longer than 64 KB.");
                _start = newline < 0 ? _end : newline + 1;
                if (newline >= 0) break;
            }
            if (line.Length > 0 && line[line.Length - 1] == '\r') line.Length--;
            return line.ToString();
        }

        private async Task<byte[]> ReadExactAsync(int count, CancellationToken ct)
        {
            var data = new byte[count];
            var have = 0;
            while (have < count)
            {
                if (_start == _end && !await FillAsync(ct).ConfigureAwait(false)) throw new EndOfStreamException("The connection closed mid-body.");
                var take = Math.Min(count - have, _end - _start);
                Buffer.BlockCopy(_buffer, _start, data, have, take);
                _start += take;
                have += take;
            }
            return data;
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            if (_start == _end) _start = _end = 0;
            if (_end == _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, ct).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
