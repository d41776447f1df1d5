using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// A read of one channel: the channel and, for a person channel, the user who views it (the server's login_uid).
    /// All three bind by property name, from CSV columns and from message objects.
    /// </summary>
    public abstract class ImChannelViewCmdlet : ImRowCmdlet
    {
        /// <summary>The channel; for a person channel, the other user (the viewing user is -UserId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The channel type (Person, Group, ...; WuKongIM numbers 1-12 work too).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>The viewing user of a person channel (WuKongIM login_uid); required for ChannelType Person.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }
    }
}
