using System;
using ImAdmin.Engine.Providers.Tencent;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers
{
    /// <summary>Creates the client of a connection's provider.</summary>
    internal static class ProviderClients
    {
        public static ImClient Create(ResolvedConnection connection) => connection.Provider switch
        {
            ImProvider.WuKongIM => new WuKongClient(connection),
            ImProvider.TencentCloud => new TencentClient(connection),
            ImProvider.Wildfire => new WildfireClient(connection),
            _ => throw new ArgumentOutOfRangeException(nameof(connection)),
        };
    }
}
