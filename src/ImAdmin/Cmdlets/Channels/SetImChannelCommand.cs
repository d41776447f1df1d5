using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using static ImAdmin.Cmdlets.Channels.ChannelText;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// <para type="synopsis">Changes the flags of an existing WuKongIM channel (ban, send ban, strangers).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ImChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImChannel), typeof(ImBulkSummary))]
    public sealed class SetImChannelCommand : ChannelCmdlet
    {
        /// <summary>Mute everyone but system users. Not given: the current value is read and kept.</summary>
        [Parameter]
        public bool? Ban { get; set; }

        /// <summary>Members cannot send but still receive. Required (the server never reports it) unless -ResetUnspecified.</summary>
        [Parameter]
        public bool? SendBan { get; set; }

        /// <summary>Person channels: non-friends may message the user. Required (the server never reports it) unless -ResetUnspecified.</summary>
        [Parameter]
        public bool? AllowStranger { get; set; }

        /// <summary>Write -SendBan and -AllowStranger as $false when they are not given, instead of refusing.</summary>
        [Parameter]
        public SwitchParameter ResetUnspecified { get; set; }

        /// <summary>Write the channel as the server reports it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string ErrorId => "ImAdmin.SetChannelFailed";

        protected override void BeginProcessing()
        {
            // The same for every row: refuse before any server call.
            try
            {
                ChannelSettings.RequireUnreadableFlags(SendBan, AllowStranger, ResetUnspecified);
            }
            catch (ImInputException ex)
            {
                ThrowTerminating(ex, "ImAdmin.InvalidArgument");
            }
            base.BeginProcessing();
        }

        protected override void ProcessChannel(string channelId, object row)
        {
            var settings = new ChannelSettings(channelId, ChannelType)
            {
                Ban = Ban,
                SendBan = SendBan,
                AllowStranger = AllowStranger,
                ResetUnspecified = ResetUnspecified,
            };
            var change = Describe(settings);
            if (!ShouldProcess(ChannelTarget(channelId, ChannelType), "Set " + change)) return;
            Queue(channelId, row, new[] { change }, ct => Client.SetChannelAsync(settings, ct), written =>
            {
                if (PassThru && TryRun(ct => Client.ReadBackAsync(written, ct), "ImAdmin.GetChannelFailed", row, out var channel)) WriteObject(channel);
            });
        }

        private static string Describe(ChannelSettings s) =>
            $"Ban={(s.Ban.HasValue ? s.Ban.Value.ToString() : "(unchanged)")}, SendBan={s.SendBan ?? false}, AllowStranger={s.AllowStranger ?? false}";
    }
}
