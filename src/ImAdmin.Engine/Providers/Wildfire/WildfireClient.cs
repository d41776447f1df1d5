using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>Wildfire Cloud IM REST API client (contract: shared/reference/wildfire-api.md).</summary>
    public sealed partial class WildfireClient : ImClient
    {
        internal WildfireClient(ResolvedConnection connection)
            : base(connection, new ProviderHttp(ImProvider.Wildfire, ImHttpClientFactory.Create(Pipeline(connection))))
        {
        }

        private static PipelineOptions Pipeline(ResolvedConnection c) => new PipelineOptions("Wildfire", c.Uri, c.RetryPolicy, new HttpStatusClassifier())
        {
            PrimaryHandler = c.PrimaryHandler,
        };

        public override Task<ImServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) => throw new System.NotImplementedException("TODO(wildfire helper)");

        public override int GetBatchLimit(SendRequest request) => 1;

        public override Task<IReadOnlyList<ImSendResult>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken) => throw new System.NotImplementedException("TODO(wildfire helper)");
    }
}
