using System;
using System.Management.Automation;
using System.Security;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Cmdlets.Sessions
{
    /// <summary>
    /// <para type="synopsis">Connects to a WuKongIM, Tencent Cloud IM or WildfireChat server and makes the session the default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ImServer", DefaultParameterSetName = UriSet)]
    [OutputType(typeof(ImSession))]
    public sealed class ConnectImServerCommand : ImCmdlet
    {
        private const string UriSet = "Uri";
        private const string TencentSet = "TencentCloud";
        private const string WildfireSet = "Wildfire";
        private const string CredentialSet = "Credential";

        /// <summary>The server family. Inferred from -SdkAppId (TencentCloud) or -Secret (Wildfire); otherwise IMADMIN_PROVIDER.</summary>
        [Parameter(ParameterSetName = UriSet, Position = 0)]
        [Parameter(ParameterSetName = TencentSet)]
        [Parameter(ParameterSetName = WildfireSet)]
        [Parameter(ParameterSetName = CredentialSet, Mandatory = true, Position = 0)]
        public ImProvider? Provider { get; set; }

        /// <summary>The admin API address, e.g. http://127.0.0.1:5001 (WuKongIM) or http://im:18080 (Wildfire).</summary>
        [Parameter(ParameterSetName = UriSet, Position = 1)]
        [Parameter(ParameterSetName = TencentSet)]
        [Parameter(ParameterSetName = WildfireSet, Position = 1)]
        [Parameter(ParameterSetName = CredentialSet, Position = 1)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary>WuKongIM manager token (the server's managerToken). Optional: servers without one accept any call.</summary>
        [Parameter(ParameterSetName = UriSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>Tencent Cloud IM SDKAppID.</summary>
        [Parameter(ParameterSetName = TencentSet, Mandatory = true)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateRange(1, uint.MaxValue)]
        public long SdkAppId { get; set; }

        /// <summary>Tencent Cloud IM secret key (as shown in the console).</summary>
        [Parameter(ParameterSetName = TencentSet)]
        [ValidateNotNull]
        public SecureString? SecretKey { get; set; }

        /// <summary>Tencent app admin account the session acts as. Default: administrator.</summary>
        [Parameter(ParameterSetName = TencentSet)]
        [ValidateNotNullOrEmpty]
        public string? Identifier { get; set; }

        /// <summary>Tencent data centre of the SDKAppID; picks the REST host. Use -Uri for another host.</summary>
        [Parameter(ParameterSetName = TencentSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public TencentRegion? Region { get; set; }

        /// <summary>WildfireChat admin secret (http.admin.secret_key).</summary>
        [Parameter(ParameterSetName = WildfireSet, Mandatory = true)]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>
        /// Credentials in one object, as Get-AutomationPSCredential returns them. The password is the WuKongIM token,
        /// Tencent secret key or Wildfire secret; for Tencent the user name is the admin identifier.
        /// </summary>
        [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>A name for the session (default: host:port). Connecting again with the same name replaces it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Seconds one HTTP attempt may take. Default 30.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Retries of a failed or throttled call. Default 4; 0 turns retries off.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = 4;

        /// <summary>Client-side limit of calls per second per API (default: the provider's published limit, where it has one).</summary>
        [Parameter]
        [ValidateRange(0.1, 100000)]
        public double? RequestsPerSecond { get; set; }

        /// <summary>Lifetime of the Tencent UserSigs the session generates (renewed before expiry). Default 1 day.</summary>
        [Parameter(ParameterSetName = TencentSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public TimeSpan? SignatureLifetime { get; set; }

        /// <summary>Do not call the server to prove the address and credentials.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>Write the new session to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var policy = RetryPolicy.Default;
            policy.MaxRetries = MaxRetries;
            policy.AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec);
            var request = new ConnectionRequest
            {
                Provider = Provider ?? (ParameterSetName == TencentSet ? ImProvider.TencentCloud : ParameterSetName == WildfireSet ? ImProvider.Wildfire : (ImProvider?)null),
                Uri = Uri,
                Region = Region,
                Name = Name,
                Token = Wrap(Token),
                SdkAppId = MyInvocation.BoundParameters.ContainsKey(nameof(SdkAppId)) ? SdkAppId : (long?)null,
                SecretKey = Wrap(SecretKey),
                Identifier = Identifier,
                Secret = Wrap(Secret),
                CredentialUserName = Credential?.UserName,
                CredentialPassword = Wrap(Credential?.Password),
                SignatureLifetime = SignatureLifetime,
                RetryPolicy = policy,
                RequestsPerSecond = RequestsPerSecond,
            };

            ImSession session;
            try
            {
                session = Run(ct => ImSession.ConnectAsync(request, Environment.GetEnvironmentVariable, !SkipValidation, ct));
            }
            catch (ImException ex)
            {
                ThrowTerminating(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.ConnectFailed", Uri);
                return;
            }

            var replaced = SessionRegistry.Current.Add(session);
            if (replaced != null) WriteVerbose($"Replaced the earlier session named '{replaced.Name}'.");
            WriteVerbose(SkipValidation
                ? $"Session '{session.Name}' created for {session.Provider} at {session.Uri} without validation."
                : $"Connected to {session.Provider} at {session.Uri}" + (session.ServerVersion == null ? "." : $" (server {session.ServerVersion})."));
            if (PassThru) WriteObject(session);
        }

        private static ImSecret? Wrap(SecureString? value) => value == null ? null : new ImSecret(value);
    }
}
