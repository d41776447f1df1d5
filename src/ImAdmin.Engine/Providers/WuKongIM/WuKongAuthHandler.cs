using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Sends the manager token as the <c>token</c> header on every call (the server compares it exactly).</summary>
    internal sealed class WuKongAuthHandler : DelegatingHandler
    {
        private readonly ImSecret _token;

        public WuKongAuthHandler(ImSecret token) => _token = token;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("token");
            request.Headers.TryAddWithoutValidation("token", _token.Reveal());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
