using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// WuKongIM v2 admin API client (contract: shared/reference/wukongim-api.md). Split into partial files by area;
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
