using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// The identity of one user's conversation (whose, and with which channel), for the cmdlets that read or change it.
    /// Every part binds by property name, from CSV columns and from conversation objects alike.
    /// </summary>
    public abstract class ImConversationCmdlet : ImRowCmdlet
    {
        /// <summary>The user whose conversation it is.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The channel; for a person channel, the other user.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The channel type (Person, Group, ...).</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>The ShouldProcess target, readable in -WhatIf and -Confirm.</summary>
        protected string Target => ChannelType == ChannelType.Person
            ? $"conversation of '{UserId}' with '{ChannelId}'"
            : $"conversation of '{UserId}' in {ChannelType} channel '{ChannelId}'";

        /// <summary>The failed row, or the conversation's identity when the parameters were given directly.</summary>
        protected object Row => RowOr(Identity());

        protected ImConversation Identity() => new ImConversation { Provider = ResolveSession().Provider, UserId = UserId, ChannelId = ChannelId, ChannelType = ChannelType };

        /// <summary>
        /// For -PassThru: the conversation as the server now reports it (WuKongIM), or just its identity when the server lists
        /// none or cannot list one conversation (Tencent Cloud IM, WildfireChat).
        /// </summary>
        protected void WriteConversation()
        {
            var lister = OptionalCapability<IConversationLister>();
            var conversation = lister != null ? Run(ct => lister.GetConversationAsync(UserId, ChannelId, ChannelType, ct)) : null;
            WriteObject(conversation ?? Identity());
        }
    }
}
