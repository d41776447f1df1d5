using System;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Security;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Makes Tencent Cloud IM UserSigs for users, signed with the session's SDKAppID and secret key.</para>
    /// <para type="description">
    /// Local only: nothing is sent to the server. The sig is returned as a SecureString (the Credential property);
    /// -AsPlainText returns the sig itself as a string, which exposes a login credential.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImUserSig", DefaultParameterSetName = SecureSet)]
    [OutputType(typeof(ImUserSig), ParameterSetName = new[] { SecureSet })]
    [OutputType(typeof(string), ParameterSetName = new[] { PlainTextSet })]
    public sealed class NewImUserSigCommand : ImSessionCmdlet
    {
        private const string SecureSet = "SecureString";
        private const string PlainTextSet = "AsPlainText";

        private IUserSigIssuer? _client;

        /// <summary>The UserIDs to make sigs for (1 to 32 bytes each); they need not be imported yet.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string[]? Identifier { get; set; }

        /// <summary>How long each sig is valid (whole seconds, 1 second to 50 years). Default: 1 day.</summary>
        [Parameter]
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(1);

        /// <summary>Return the sig itself as a plain string. It is a login credential: anyone who sees it can sign in as the user.</summary>
        [Parameter(ParameterSetName = PlainTextSet, Mandatory = true)]
        public SwitchParameter AsPlainText { get; set; }

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IUserSigIssuer>();
            try
            {
                _client.CheckUserSigLifetime(Lifetime);
            }
            catch (ImInputException ex)
            {
                ThrowTerminating(ex, "ImAdmin.InvalidArgument", Lifetime);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var identifier in Identifier!)
            {
                ImUserSig sig;
                try
                {
                    sig = _client!.NewUserSig(identifier, Lifetime);
                }
                catch (ImInputException ex)
                {
                    WriteItemError(ex, "ImAdmin.InvalidArgument", identifier);
                    continue;
                }
                if (AsPlainText) WriteObject(new ImSecret(sig.Credential).Reveal());
                else WriteObject(sig);
            }
        }
    }
}
