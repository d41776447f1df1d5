using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Logs a user's devices out: WuKongIM blanks the device token and kicks its connections; Tencent Cloud IM invalidates the login on every device.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ImDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImUserDevice), typeof(ImBulkSummary))]
    public sealed class DisconnectImDeviceCommand : ImBulkRowCmdlet
    {
        private IDeviceLogout? _client;

        /// <summary>The user to log out.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>App, Web, PC, or All (the three at once). Required on WuKongIM; on Tencent Cloud IM omit it or pass All.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("App", "Web", "PC", "All")]
        public DeviceFlag? DeviceFlag { get; set; }

        /// <summary>Write the user and device kind logged out to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.DisconnectDeviceFailed";

        protected override void Prepare() => _client = RequireCapability<IDeviceLogout>();

        protected override void ProcessRecord()
        {
            try
            {
                _client!.CheckDeviceFlag(DeviceFlag);
            }
            catch (ImInputException ex)
            {
                // Refused before confirming, so -WhatIf does not promise a logout that would fail.
                WriteItemError(ex, "ImAdmin.InvalidArgument", RowOr(UserId));
                return;
            }
            var devices = DeviceFlag is null or Engine.Models.DeviceFlag.All ? "all devices" : DeviceFlag + " device";
            if (!ShouldProcess(UserId, $"Log out {devices}: invalidate the login and kick the connections")) return;
            var (userId, flag) = (UserId, DeviceFlag);
            Calls.Queue(RowOr(userId), userId, new[] { userId, flag?.ToString() },
                Completing(ct => _client!.LogOutDevicesAsync(userId, flag, ct)),
                _ => { if (PassThru) WriteObject(new ImUserDevice { UserId = userId, DeviceFlag = flag ?? Engine.Models.DeviceFlag.All }); });
        }
    }
}
