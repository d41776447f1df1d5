using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// WuKongIM v2 admin API client (server behaviour: docs/server-behaviour/wukongim.md). Split into partial files by area;
    /// this one holds the pipeline and the operations every provider has.
    /// </summary>
    public sealed partial class WuKongClient : ImClient, IConversationDeleter, IMessageByIdReader
    {
        internal WuKongClient(ResolvedConnection connection)
            : base(connection, new ProviderHttp(ImProvider.WuKongIM, ImHttpClientFactory.Create(Pipeline(connection))))
        {
        }

        private static PipelineOptions Pipeline(ResolvedConnection c) => new PipelineOptions("WuKongIM", c.Uri, c.RetryPolicy, new HttpStatusClassifier())
        {
            Auth = c.Token == null ? null : new WuKongAuthHandler(c.Token),
            RateLimiter = c.RequestsPerSecond.HasValue ? new RateLimiter(c.RequestsPerSecond.Value) : null,
            PrimaryHandler = c.PrimaryHandler,
        };

        /// <summary>GET: the JSON of a successful answer; every failure is an <see cref="Errors.ImException"/> (see <see cref="WuKongResponse"/>).</summary>
        private async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct) =>
            WuKongResponse.Read(await Http.GetAsync(path, ct).ConfigureAwait(false));

        /// <summary>
        /// POST of a JSON body: the JSON of a successful answer. Most calls store the same state when repeated; a call
        /// that would act twice passes <see cref="RetrySafety.NotProcessedOnly"/>.
        /// </summary>
        private async Task<JsonElement> PostJsonAsync(string path, object body, CancellationToken ct, RetrySafety safety = RetrySafety.Idempotent) =>
            WuKongResponse.Read(await Http.PostJsonAsync(path, body, safety, ct).ConfigureAwait(false));

        /// <summary><paramref name="items"/> cut, in order, into lists of at most <paramref name="size"/> (the per-call limits).</summary>
        private static List<List<T>> InChunks<T>(IReadOnlyList<T> items, int size)
        {
            var chunks = new List<List<T>>();
            for (var start = 0; start < items.Count; start += size)
            {
                var chunk = new List<T>(Math.Min(size, items.Count - start));
                for (var i = start; i < start + chunk.Capacity; i++) chunk.Add(items[i]);
                chunks.Add(chunk);
            }
            return chunks;
        }

        /// <summary>GET /varz: behind the token like every route, and it carries the server version.</summary>
        public override async Task<ImServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
        {
            var status = await GetServerStatusAsync(null, null, cancellationToken).ConfigureAwait(false);
            RememberServerVersion(status.Version);
            return new ImServerInfo
            {
                ServerVersion = status.Version,
                Details = "node " + status.NodeId + (status.ManagerTokenEnabled ? ", manager token on" : ", manager token off"),
            };
        }
    }
}
