using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    public sealed partial class WuKongClient
    {
        public override int GetBatchLimit(SendRequest request) => 1;

        public override Task<IReadOnlyList<ImSendResult>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken) => throw new System.NotImplementedException("TODO(wukong helper)");
    }
}
