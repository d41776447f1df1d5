using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers;

namespace ImAdmin.Engine.Sessions
{
    /// <summary>
    /// A connection to one IM server. It owns one HttpClient (and so one connection pool) for its whole life;
    /// Disconnect-ImServer disposes it. It is thread-safe and carries no readable secret: its properties and
    /// <see cref="ToString"/> show where it points, never what it authenticates with.
    /// </summary>
    public sealed class ImSession : IDisposable
    {
        private readonly ResolvedConnection _connection;
        private readonly ImClient _client;
        private int _disposed;

        internal ImSession(ResolvedConnection connection, ImClient client)
        {
            _connection = connection;
            _client = client;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Resolves settings, builds the provider client and, unless told not to, proves the credentials work.</summary>
        public static async Task<ImSession> ConnectAsync(ConnectionRequest request, Func<string, string?> environment, bool validate, CancellationToken cancellationToken)
        {
            var connection = ConnectionResolver.Resolve(request, environment);
            var session = new ImSession(connection, ProviderClients.Create(connection));
            if (!validate) return session;
            try
            {
                var info = await session._client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
                session.ServerVersion = info.ServerVersion;
                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        public Guid Id { get; } = Guid.NewGuid();

        public string Name => _connection.Name;

        public ImProvider Provider => _connection.Provider;

        public Uri Uri => _connection.Uri;

        /// <summary>Who the session acts as, where the provider has such a notion (Tencent admin identifier and SDKAppID).</summary>
        public string? Identity => Provider == ImProvider.TencentCloud ? $"{_connection.Identifier}@{_connection.SdkAppId}" : null;

        public string? ServerVersion { get; internal set; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Whether this is the default session of the runspace that lists it.</summary>
        public bool IsDefault { get; set; }

        /// <summary>Channel ids this session recently returned (for -ChannelId completion).</summary>
        internal RecentIds RecentChannelIds { get; } = new RecentIds();

        public bool IsDisconnected => Volatile.Read(ref _disposed) != 0;

        /// <summary>A copy of the session's retry policy.</summary>
        public RetryPolicy RetryPolicy => _connection.RetryPolicy.Clone();

        internal ImClient Client
        {
            get
            {
                if (IsDisconnected)
                    throw new ImException(ImErrorKind.InvalidState, $"Session '{Name}' was disconnected. Run Connect-ImServer again.") { Provider = Provider };
                return _client;
            }
        }

        /// <summary>The session's client as the capability interface <typeparamref name="T"/>, or one clear NotSupported error.</summary>
        public T RequireCapability<T>(string? caller = null) where T : class => Providers.Capabilities.Capability.Require<T>(Client, caller);

        /// <summary>The provider client as <typeparamref name="TClient"/>, or a clear error naming the provider and the missing capability.</summary>
        internal TClient Require<TClient>(string capability) where TClient : class =>
            Client as TClient ?? throw new ImCapabilityException(Provider, capability);

        /// <summary>Checks reachability and credentials; never throws for a server-side failure (only for a disconnected session).</summary>
        public async Task<ImServerTestResult> TestAsync(CancellationToken cancellationToken)
        {
            var client = Client; // a disconnected session is a caller error, not a server state
            var result = new ImServerTestResult { Name = Name, Provider = Provider, Uri = Uri };
            var clock = Stopwatch.StartNew();
            try
            {
                var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
                result.Reachable = true;
                result.Authenticated = true;
                result.ServerVersion = ServerVersion = info.ServerVersion ?? ServerVersion;
            }
            catch (ImException ex)
            {
                result.Reachable = ex.Kind != ImErrorKind.ConnectionFailed && ex.Kind != ImErrorKind.Timeout;
                result.Authenticated = false;
                result.Error = ex.Message;
            }
            result.Latency = clock.Elapsed;
            return result;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _client.Dispose();
        }

        public override string ToString() => $"{Name} ({Provider} {Uri})";
    }
}
