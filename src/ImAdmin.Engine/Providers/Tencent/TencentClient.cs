using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>Tencent Cloud IM REST API client (contract: shared/reference/tencent-im-api.md).</summary>
    public sealed partial class TencentClient : ImClient
    {
        internal TencentClient(ResolvedConnection connection)
            : base(connection, new ProviderHttp(ImProvider.TencentCloud, ImHttpClientFactory.Create(Pipeline(connection))))
        {
        }

        private static PipelineOptions Pipeline(ResolvedConnection c) => new PipelineOptions("TencentCloud", c.Uri, c.RetryPolicy, new HttpStatusClassifier())
        {
            PrimaryHandler = c.PrimaryHandler,
        };

        public override Task<ImServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) => throw new System.NotImplementedException("TODO(tencent helper)");

        public override int GetBatchLimit(SendRequest request) => 1;

        public override Task<IReadOnlyList<ImSendResult>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken) => throw new System.NotImplementedException("TODO(tencent helper)");
    }
}
