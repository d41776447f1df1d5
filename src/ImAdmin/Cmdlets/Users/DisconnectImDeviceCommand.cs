using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Logs a WuKongIM user's devices out: blanks their token and kicks their connections.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ImDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImUserDevice))]
    public sealed class DisconnectImDeviceCommand : ImRowCmdlet
    {
        private WuKongClient? _client;

        /// <summary>The user to log out.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>App, Web, PC, or All (the three at once).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("App", "Web", "PC", "All")]
        public DeviceFlag DeviceFlag { get; set; }

        /// <summary>Write the user and device kind logged out to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing() => _client = RequireClient<WuKongClient>("Disconnect-ImDevice (/user/device_quit)");

        protected override void ProcessRecord()
        {
            var devices = DeviceFlag == DeviceFlag.All ? "all devices (App, Web, PC)" : DeviceFlag + " device";
            if (!ShouldProcess(UserId, $"Log out {devices}: blank the token and kick the connections")) return;
            try
            {
                Run(ct => _client!.QuitDeviceAsync(UserId, DeviceFlag, ct));
                if (PassThru) WriteObject(new ImUserDevice { UserId = UserId, DeviceFlag = DeviceFlag });
            }
            catch (ImException ex)
            {
                WriteItemError(ex, "ImAdmin.DisconnectDeviceFailed", RowOr(UserId));
            }
        }
    }
}
