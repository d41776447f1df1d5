using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Tencent Cloud IM REST API client (server behaviour: docs/server-behaviour/tencent.md). Split into partial files by
    /// area; this one holds the pipeline, the call helper and the operations every provider has.
    /// </summary>
    public sealed partial class TencentClient : ImClient
    {
        /// <summary>Tencent's default limit: 200 calls per second per API per SDKAppID (see docs/server-behaviour/tencent.md, 'Frequency limits').</summary>
        private const double CallsPerSecond = 200;

        /// <summary>batchsendmsg may reach 12,000 recipients per minute; each recipient counts as one message.</summary>
        private const double BatchRecipientsPerMinute = 12000;

        private const string BatchSendApi = "openim/batchsendmsg";

        private readonly UserSigCache _sigs;

        internal TencentClient(ResolvedConnection connection)
            : this(connection, new UserSigCache(connection.SdkAppId, connection.Identifier, connection.SecretKey!, connection.SignatureLifetime, connection.Clock))
        {
        }

        private TencentClient(ResolvedConnection connection, UserSigCache sigs)
            : base(connection, new ProviderHttp(ImProvider.TencentCloud, ImHttpClientFactory.Create(Pipeline(connection, sigs))))
        {
            _sigs = sigs;
        }

        private static PipelineOptions Pipeline(ResolvedConnection c, UserSigCache sigs)
        {
            var options = new PipelineOptions("TencentCloud", c.Uri, c.RetryPolicy, new TencentResponseClassifier())
            {
                Auth = new TencentAuthHandler(c.SdkAppId, c.Identifier, sigs),
                PrimaryHandler = c.PrimaryHandler,
            };
            // Every API counts calls; batchsendmsg also counts recipients (the request's cost). The recipient bucket
            // holds one full batch and refills so that no 60 s window exceeds the per-minute limit.
            options.RateLimits.Add(new RateLimitHandler(CallLimiter(c.RequestsPerSecond ?? CallsPerSecond), r => r.RequestUri!.AbsolutePath, _ => 1));
            options.RateLimits.Add(new RateLimitHandler(
                new RateLimiter((BatchRecipientsPerMinute - MaxBatchRecipients) / 60, MaxBatchRecipients),
                r => r.RequestUri!.AbsolutePath.EndsWith("/v4/" + BatchSendApi, StringComparison.Ordinal) ? BatchSendApi : null));
            return options;
        }

        /// <summary>
        /// At most 97.5 % of the limit in any one-second window, checked on the admission times (a sliding window), over
        /// a token bucket refilling at that rate with a burst of 1/20 of the limit: calls stay spread over the second,
        /// and a caller that wakes late catches up instead of losing its turn, without any window going over.
        /// </summary>
        private static RateLimiter CallLimiter(double perSecond)
        {
            var (rate, burst, perWindow) = CallLimits(perSecond);
            return new RateLimiter(rate, burst, perWindow);
        }

        /// <summary>The sustained rate, burst and one-second window limit of <see cref="CallLimiter"/>.</summary>
        internal static (double Rate, double Burst, int PerWindow) CallLimits(double perSecond)
        {
            // The margin under the server's count is for arrival jitter: calls admitted just before a server second
            // that arrive late crowd into it. With one call of margin the sandbox counted more than 200 in a second
            // under load (docs/benchmarks.md, 'Tencent pacing'); 1/40 of the limit kept every second under it.
            var perWindow = Math.Max(1, (int)Math.Floor(perSecond - Math.Max(1, perSecond / 40)));
            return (perWindow, Math.Max(1, perSecond / 20), perWindow);
        }

        /// <summary>account_check of the admin identifier: harmless, and it needs a valid admin UserSig like every call.</summary>
        public override async Task<ImServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
        {
            var check = new AccountCheckBody { CheckItem = new[] { new AccountItem { UserId = Connection.Identifier } } };
            await CallAsync("im_open_login_svc/account_check", check, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return new ImServerInfo { Details = $"SDKAppID {Connection.SdkAppId}, admin {Connection.Identifier}" };
        }

        /// <summary>POSTs <paramref name="body"/> to /v4/<paramref name="api"/> and returns the envelope of a successful answer.</summary>
        private async Task<JsonElement> CallAsync(string api, object body, RetrySafety safety, CancellationToken cancellationToken, int cost = 1)
        {
            var result = await Http.PostJsonAsync("v4/" + api, body, safety, cancellationToken, cost).ConfigureAwait(false);
            return TencentResponse.Read(result, api);
        }

        /// <summary>Splits <paramref name="items"/> into arrays of at most <paramref name="size"/> (per-call limits).</summary>
        private static IEnumerable<T[]> Chunk<T>(IEnumerable<T> items, int size)
        {
            var chunk = new List<T>(size);
            foreach (var item in items)
            {
                chunk.Add(item);
                if (chunk.Count < size) continue;
                yield return chunk.ToArray();
                chunk.Clear();
            }
            if (chunk.Count > 0) yield return chunk.ToArray();
        }
    }
}
