using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;

namespace ImAdmin.Engine.Http
{
    /// <summary>
    /// Outermost handler: one verbose line per logical call (method, path, status, elapsed, retries) and, at debug
    /// level, redacted headers and truncated bodies. Secrets never reach the log: see <see cref="Redactor"/>.
    /// </summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        private readonly string _provider;

        public LoggingHandler(string provider) => _provider = provider;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var log = ImLog.Current;
            // Without a listener (engine used outside a cmdlet, or a cmdlet run without -Verbose or -Debug) there is
            // nothing to format: bulk runs make one call per row, and reading and redacting bodies cost more than the call.
            if (log == null || !(log.VerboseEnabled || log.DebugEnabled)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var target = request.Method + " " + Redactor.RedactPathAndQuery(request.RequestUri!);
            if (request.Content != null && log.DebugEnabled)
            {
                var body = await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"{_provider} {target} request body: {Redactor.RedactBody(body)}");
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var retries = request.GetRetries();
                log.Verbose($"{_provider} {target} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms" +
                             (retries == 0 ? string.Empty : retries == 1 ? " (1 retry)" : $" ({retries} retries)"));
                if (!log.DebugEnabled) return response;
                var headers = string.Join("; ", response.Headers.Select(h => h.Key + ": " + Redactor.RedactHeader(h.Key, string.Join(",", h.Value))));
                var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Debug($"{_provider} {target} response headers: {headers}; body: {Redactor.RedactBody(text)}");
                return response;
            }
            catch (System.Exception ex) when (!(ex is System.OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                log.Verbose($"{_provider} {target} failed after {clock.ElapsedMilliseconds} ms: {ex.GetType().Name}");
                throw;
            }
        }
    }
}
