using System.Management.Automation;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>Base of the cmdlets that act on channels themselves (Get-, New-, Set-, Remove-ImChannel).</summary>
    public abstract class ChannelCmdlet : WuKongChannelCmdlet
    {
        /// <summary>
        /// The channel id (for a person channel, the user's id). Binds from CSV columns ChannelId, To, To_Account,
        /// Target, channel_id, Uid or UserId.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id", "Uid", "UserId")]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The row of this channel, for its errors.</summary>
        protected object ChannelRow => Row(ChannelId);

        protected string Target => ChannelTarget(ChannelId, ChannelType);
    }
}
