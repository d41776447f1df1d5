using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// WildfireChat im-server admin API client (server behaviour: docs/server-behaviour/wildfire.md). Split into partial files
    /// by area; this one holds the pipeline and the connection check.
    /// </summary>
    public sealed partial class WildfireClient : ImClient, IConversationDeleter, IMessageByIdReader
    {
        internal const string HealthPath = "/admin/health";

        /// <summary>
        /// The server's admin limit is one bucket of 10,000 requests per 10 s shared by every admin caller
        /// (http.admin.rate_limit); staying at a tenth of its burst leaves room for the other callers.
        /// </summary>
        private const double DefaultRequestsPerSecond = 1000;

        /// <summary>How long the server lets the IM core work on a send, recall or multicast before it answers 249.</summary>
        private static readonly TimeSpan ServerCoreTimeout = TimeSpan.FromSeconds(5);

        internal WildfireClient(ResolvedConnection connection)
            : base(connection, new ProviderHttp(ImProvider.Wildfire, ImHttpClientFactory.Create(Pipeline(connection))))
        {
            if (connection.RetryPolicy.AttemptTimeout <= ServerCoreTimeout)
                ImLog.Warning($"A {connection.RetryPolicy.AttemptTimeout.TotalSeconds:0.#} s timeout is not above WildfireChat's own {ServerCoreTimeout.TotalSeconds:0} s limit: " +
                              "a slow send may be cut off while the server still delivers it. Use -TimeoutSec 15 or more.");
        }

        private static PipelineOptions Pipeline(ResolvedConnection c) => new PipelineOptions("Wildfire", c.Uri, c.RetryPolicy, new WildfireResponseClassifier())
        {
            Auth = new WildfireAuthHandler(new WildfireSigner(c.Secret!)),
            RateLimiter = new RateLimiter(c.RequestsPerSecond ?? DefaultRequestsPerSecond),
            // One shared server budget for every route, so one client bucket too.
            RateLimitKey = _ => "admin",
            PrimaryHandler = c.PrimaryHandler,
        };

        /// <summary>
        /// GET /admin/health (unsigned) proves the server answers; POST /admin/user/online_count, a harmless signed read
        /// that the community edition has, proves the secret. The server reports no version.
        /// </summary>
        public override async Task<ImServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
        {
            var health = await ReadHealthAsync(cancellationToken).ConfigureAwait(false);
            var online = await CallAsync("/admin/user/online_count", new { }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var count = online.ValueKind == JsonValueKind.Array ? online.EnumerateArray().Sum(n => n.GetInt("count") ?? 0) : 0;
            return new ImServerInfo { Details = string.Join(", ", health.Concat(new[] { $"{count} users online" })) };
        }

        /// <summary>Node and CPU facts from /admin/health; none when the server is older than the route.</summary>
        private async Task<IEnumerable<string>> ReadHealthAsync(CancellationToken cancellationToken)
        {
            JsonElement result;
            try
            {
                result = await GetAsync(HealthPath, cancellationToken).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotSupported)
            {
                ImLog.Verbose("This WildfireChat server has no GET /admin/health; checking the secret only.");
                return Enumerable.Empty<string>();
            }
            // Current servers answer an array of nodes; older ones an object keyed by node name.
            var nodes = result.ValueKind == JsonValueKind.Array ? result.EnumerateArray().ToList()
                : result.ValueKind == JsonValueKind.Object ? result.EnumerateObject().Select(p => p.Value).ToList()
                : new List<JsonElement>();
            var cores = nodes.Sum(n => n.TryGetProperty("cpu", out var cpu) ? cpu.GetInt("cores") ?? 0 : 0);
            return new[] { nodes.Count == 1 ? "1 node" : $"{nodes.Count} nodes", $"{cores} CPU cores" };
        }
    }
}
