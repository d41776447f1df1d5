using System.Management.Automation;
using ImAdmin.Engine.Channels;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the subscriber, blacklist and whitelist cmdlets. These have a -UserId of their own, so -ChannelId does
    /// not take the Uid/UserId columns.
    /// </summary>
    public abstract class ChannelMemberCmdlet : WuKongChannelCmdlet
    {
        /// <summary>The channel id (for a person channel, the owner's user id). Binds from CSV columns ChannelId, To, To_Account, Target or channel_id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>How to give user ids, for the errors about missing ones.</summary>
        protected const string UserIdSources = "give -UserId, pipe user ids, or pipe rows with a UserId (Uid, User, Account, Member_Account, user_id) column";

        /// <summary>Which of the channel's lists the cmdlet works on.</summary>
        protected abstract ChannelMemberList List { get; }

        /// <summary>"the subscribers", "the blacklist", "the whitelist", for messages.</summary>
        protected string ListName => List switch
        {
            ChannelMemberList.Subscribers => "the subscribers",
            ChannelMemberList.Blacklist => "the blacklist",
            _ => "the whitelist",
        };
    }
}
