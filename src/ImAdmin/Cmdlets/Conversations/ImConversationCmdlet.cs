using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Conversations
{
    /// <summary>
    /// The identity of one user's conversation (whose, and with which channel), for the cmdlets that read or change it.
    /// Every part binds by property name, from CSV columns and from conversation objects alike. Each makes one call per
    /// row, run through <see cref="RowCalls"/> (-ThrottleLimit, -Journal, -Summary).
    /// </summary>
    public abstract class ImConversationCmdlet : ImRowCmdlet, IBulkParameters
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

        /// <inheritdoc cref="IBulkParameters.ThrottleLimit"/>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <inheritdoc cref="IBulkParameters.Journal"/>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <inheritdoc cref="IBulkParameters.Summary"/>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>The error id of a row whose call failed.</summary>
        protected abstract string ErrorId { get; }

        /// <summary>The calls of the rows (set in BeginProcessing).</summary>
        internal RowCalls Calls { get; private set; } = null!;

        private IConversationLister? _lister;

        protected override void BeginProcessing()
        {
            Calls = new RowCalls(this, this, ErrorId);
            _lister = OptionalCapability<IConversationLister>();
        }

        protected override void EndProcessing() => Calls.Finish();

        /// <summary>
        /// Runs the row's call in the background: <paramref name="call"/> gets the row's conversation (its identity, taken
        /// now) and gives what <paramref name="onDone"/> writes. The journal key is the conversation with <paramref name="change"/>.
        /// </summary>
        protected void Queue<T>(string change, System.Func<ImConversation, CancellationToken, Task<T>> call, System.Action<T> onDone)
        {
            var conversation = Identity();
            Calls.Queue(Row, Target, new[] { UserId, ChannelId, ChannelType.ToString(), change }, ct => call(conversation, ct), onDone);
        }

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
        protected async Task<ImConversation> ReadBackAsync(ImConversation identity, CancellationToken cancellationToken)
        {
            var conversation = _lister != null
                ? await _lister.GetConversationAsync(identity.UserId, identity.ChannelId, identity.ChannelType, cancellationToken).ConfigureAwait(false)
                : null;
            return conversation ?? identity;
        }
    }
}
