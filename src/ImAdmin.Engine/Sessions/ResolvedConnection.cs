using System;
using System.Net.Http;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Sessions
{
    /// <summary>A complete, validated set of connection settings for one provider.</summary>
    public sealed class ResolvedConnection
    {
        public ResolvedConnection(ImProvider provider, Uri uri, string name, RetryPolicy retryPolicy)
        {
            Provider = provider;
            Uri = uri;
            Name = name;
            RetryPolicy = retryPolicy;
        }

        public ImProvider Provider { get; }
        public Uri Uri { get; }
        public string Name { get; }
        public RetryPolicy RetryPolicy { get; }

        public ImSecret? Token { get; init; }
        public long SdkAppId { get; init; }
        public ImSecret? SecretKey { get; init; }
        public string Identifier { get; init; } = "administrator";
        public ImSecret? Secret { get; init; }
        public TimeSpan SignatureLifetime { get; init; } = TimeSpan.FromDays(1);
        public double? RequestsPerSecond { get; init; }
        public HttpMessageHandler? PrimaryHandler { get; init; }
        public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

        public override string ToString() => $"{Name} ({Provider} {Uri})";
    }
}
