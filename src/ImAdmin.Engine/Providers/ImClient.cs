using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers
{
    /// <summary>
    /// A provider's admin API client. The operations every provider has are abstract here; provider-only
    /// operations live on the concrete client (reach them through <see cref="ImSession.Require{TClient}"/>).
    /// </summary>
    public abstract class ImClient : IDisposable
    {
        internal ImClient(ResolvedConnection connection, ProviderHttp http)
        {
            Connection = connection;
            Http = http;
        }

        public ImProvider Provider => Connection.Provider;

        internal ResolvedConnection Connection { get; }

        internal ProviderHttp Http { get; }

        /// <summary>Checks reachability and credentials with an authenticated read; fails with an <see cref="Errors.ImException"/>.</summary>
        public abstract Task<ImServerInfo> GetServerInfoAsync(CancellationToken cancellationToken);

        /// <summary>
        /// Refuses, before anything is sent, message options this provider has no field for: an
        /// <see cref="Errors.ImCapabilityException"/> naming the provider and the parameter. A provider overrides it to
        /// allow the ones it honours.
        /// </summary>
        public virtual void CheckOptions(MessageOptions options) => RefuseOptions(options.GivenParameters());

        /// <summary>
        /// Refuses one row before anything is sent: its options (<see cref="CheckOptions"/>) and, where a provider
        /// overrides this, every limit known before sending (id lengths, content size, options per channel type).
        /// </summary>
        public virtual void CheckSend(SendRequest request) => CheckOptions(request.Options);

        /// <summary>Throws for the first of <paramref name="parameters"/>, if any.</summary>
        protected void RefuseOptions(IEnumerable<string> parameters)
        {
            foreach (var parameter in parameters)
                throw new Errors.ImCapabilityException(Provider, "-" + parameter, "The server has no field for it, so the message is not sent.") { ParameterName = parameter };
        }

        /// <summary>
        /// How many recipients <paramref name="request"/> may share one server call with (1 = it is sent alone).
        /// Rows batch together only when sender, channel type, content and flags are the same.
        /// </summary>
        public abstract int GetBatchLimit(SendRequest request);

        /// <summary>
        /// Sends a batch built by <see cref="MessageBatcher"/>: one result per request, in order, whose
        /// <see cref="ItemResult{T}.Input"/> is that request. A recipient the server refuses is a failed result, one whose
        /// send may have been stored is an unknown one; only a failure of the whole call throws.
        /// </summary>
        public abstract Task<IReadOnlyList<ItemResult<ImSendResult>>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken);

        public void Dispose() => Http.Dispose();
    }
}
