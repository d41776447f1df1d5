using System;
using System.Net.Http;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Sessions
{
    /// <summary>What Connect-ImServer was given. Missing values are filled from IMADMIN_* environment variables by <see cref="ConnectionResolver"/>.</summary>
    public sealed class ConnectionRequest
    {
        public ImProvider? Provider { get; set; }
        public Uri? Uri { get; set; }
        public TencentRegion? Region { get; set; }
        public string? Name { get; set; }

        /// <summary>WuKongIM manager token (optional: servers without managerToken accept anything).</summary>
        public ImSecret? Token { get; set; }

        /// <summary>Tencent SDKAppID.</summary>
        public long? SdkAppId { get; set; }

        /// <summary>Tencent secret key (the console's key string, used as typed).</summary>
        public ImSecret? SecretKey { get; set; }

        /// <summary>Tencent app admin identifier.</summary>
        public string? Identifier { get; set; }

        /// <summary>Wildfire admin secret (http.admin.secret_key).</summary>
        public ImSecret? Secret { get; set; }

        /// <summary>User name of a PSCredential (Tencent: the admin identifier; ignored elsewhere).</summary>
        public string? CredentialUserName { get; set; }

        /// <summary>Password of a PSCredential: the token, secret key or secret of the provider.</summary>
        public ImSecret? CredentialPassword { get; set; }

        /// <summary>Lifetime of generated Tencent UserSigs.</summary>
        public TimeSpan? SignatureLifetime { get; set; }

        public RetryPolicy? RetryPolicy { get; set; }

        /// <summary>Client-side request rate per API; null uses the provider's published limit.</summary>
        public double? RequestsPerSecond { get; set; }

        /// <summary>Replaces the network transport (tests).</summary>
        public HttpMessageHandler? PrimaryHandler { get; set; }

        /// <summary>The clock that signs requests (Tencent UserSig issue and renewal); null = the system clock. Tests move it.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }
    }
}
