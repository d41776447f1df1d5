using System.Management.Automation;
using System.Security;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Security;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Registers the token a WuKongIM user's device logs in with (creates the user and device if needed).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ImUserToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImUserDevice), typeof(ImBulkSummary))]
    public sealed class SetImUserTokenCommand : ImBulkRowCmdlet
    {
        private IUserTokenWriter? _client;

        /// <summary>The user (uid). It cannot contain @, # or &amp;.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The token the client will present; never written to any stream.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>The device kind the token is for: App (default), Web or PC.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("App", "Web", "PC")]
        public DeviceFlag DeviceFlag { get; set; } = DeviceFlag.App;

        /// <summary>Slave (default) or Master. Master kicks the user's current connections of that device kind.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DeviceLevel DeviceLevel { get; set; } = DeviceLevel.Slave;

        /// <summary>Write the user and device slot (never the token) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.SetUserTokenFailed";

        protected override void Prepare() => _client = RequireCapability<IUserTokenWriter>();

        protected override void ProcessRecord()
        {
            var action = $"Set the {DeviceFlag} token ({DeviceLevel})" + (DeviceLevel == DeviceLevel.Master ? ", kicking current connections of that device kind" : string.Empty);
            if (!ShouldProcess(UserId, action)) return;
            var (userId, token, flag, level) = (UserId, new ImSecret(Token!), DeviceFlag, DeviceLevel);
            // The journal key leaves the token out: a row is its user and device slot.
            Calls.Queue(RowOr(userId), userId, new[] { userId, flag.ToString(), level.ToString() },
                Completing(ct => _client!.SetUserTokenAsync(userId, token, flag, level, ct)),
                _ => { if (PassThru) WriteObject(new ImUserDevice { UserId = userId, DeviceFlag = flag, DeviceLevel = level }); });
        }
    }
}
