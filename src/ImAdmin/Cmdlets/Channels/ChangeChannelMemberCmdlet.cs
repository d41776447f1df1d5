using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the Add-/Remove- member cmdlets. Rows are confirmed one by one (ShouldProcess), collected per channel
    /// and sent 1000 users per call (another provider's group: as many as its add or remove call takes); when a call fails, every row in it gets its own error with the row as
    /// TargetObject, and the other calls go on.
    /// </summary>
    public abstract class ChangeChannelMemberCmdlet : ImRowCmdlet
    {
        private ChannelMemberBatcher _batcher = null!;
        private ChannelAccess _access = null!;

        /// <summary>The channel id (for a person channel, the owner's user id). Binds from CSV columns ChannelId, To, To_Account, Target or channel_id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The channel kind: Group, Person (the channel id is then a user id), Community, Live, ... (or 1-12).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>
        /// The users to add or remove. Binds from CSV columns UserId, Uid, User, Account, Member_Account or user_id, or
        /// from plain strings piped in.
        /// </summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNull]
        public string[]? UserId { get; set; }

        /// <summary>Write one ImChannelMember per user once the server has accepted the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Which of the channel's lists the cmdlet changes.</summary>
        protected abstract ChannelMemberList List { get; }

        /// <summary>True for the cmdlets that change groups of the other providers too.</summary>
        protected virtual bool HandlesProviderGroups => false;

        /// <summary>The session's channel capability (WuKongIM); null when the cmdlet works on another provider's groups.</summary>
        protected IChannelAdmin Client => _access.Client!;

        /// <summary>"Add {users} to the blacklist", for the confirmation prompt.</summary>
        protected abstract string Action(string users);

        /// <summary>Sends one batch (at most 1000 users of one WuKongIM channel, or the provider's limit for a group).</summary>
        protected abstract Task SendAsync(MemberBatch batch, CancellationToken cancellationToken);

        /// <summary>Sends one batch and says what became of each user; where the answer has no per-user part, the call's outcome is every user's.</summary>
        protected virtual async Task<IReadOnlyList<ItemResult<string>>> SendEachAsync(MemberBatch batch, CancellationToken cancellationToken)
        {
            await SendAsync(batch, cancellationToken).ConfigureAwait(false);
            return batch.AllSucceeded();
        }

        /// <summary>The session's group members capability when the cmdlet works on another provider's groups, else null.</summary>
        protected IGroupMembership? GroupMembers { get; private set; }

        /// <summary>The WuKongIM list the rows change, or null for another provider's group members.</summary>
        private ChannelMemberList? EffectiveList => _access.OnProviderGroups ? (ChannelMemberList?)null : List;

        protected override void BeginProcessing()
        {
            if (UserId == null && !MyInvocation.ExpectingInput) ThrowInvalidArgument(nameof(UserId), "No user ids: " + ChannelText.UserIdSources + ".");
            _access = new ChannelAccess(this, HandlesProviderGroups);
            if (_access.OnProviderGroups)
            {
                GroupMembers = RequireCapability<IGroupMembership>();
                var limit = GroupMembers.GroupMemberBatchLimit;
                _batcher = new ChannelMemberBatcher(null, limit, 10 * limit);
            }
            else
            {
                _batcher = new ChannelMemberBatcher(List);
            }
        }

        protected override void ProcessRecord()
        {
            var userIds = UserId ?? (PipedText == null ? null : new[] { PipedText });
            if (userIds == null)
                WriteItemError(new ImInputException(nameof(UserId), "The row has no user id: " + ChannelText.UserIdSources + "."), "ImAdmin.InvalidArgument", InputObject);
            else if (InputObject == null)
                // Command-line ids without pipeline rows: each id is its own "row" for errors.
                foreach (var id in userIds) Queue(new[] { id }, id);
            else
                Queue(userIds, InputObject);
        }

        protected override void EndProcessing()
        {
            foreach (var batch in _batcher.Flush()) Send(batch);
        }

        /// <inheritdoc cref="ChannelAccess.RefuseOnProviderGroups"/>
        protected void RefuseOnProviderGroups(params string[] parameterNames) => _access.RefuseOnProviderGroups(parameterNames);

        private void Queue(string[] userIds, object row)
        {
            if (_access.OnProviderGroups) _access.GroupCapability<IGroupMembership>(ChannelType);
            try
            {
                var users = ChannelMemberBatcher.Validate(EffectiveList, ChannelId, ChannelType, userIds);
                if (!ShouldProcess(ChannelText.ChannelTarget(ChannelId, ChannelType), Action(ChannelText.DescribeUsers(users)))) return;
                foreach (var batch in _batcher.Add(ChannelId, ChannelType, users, row)) Send(batch);
            }
            catch (ImInputException ex)
            {
                WriteItemError(ex, "ImAdmin.InvalidArgument", row);
            }
        }

        private void Send(MemberBatch batch)
        {
            IReadOnlyList<ItemResult<string>> results;
            try
            {
                results = Run(ct => SendEachAsync(batch, ct));
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotSupported)
            {
                // Every later call would fail the same way.
                ThrowTerminating(ex, "ImAdmin.NotSupported", batch.Sources[0]);
                return;
            }
            catch (ImException ex)
            {
                foreach (var row in batch.Sources) WriteItemError(ex, ChannelText.ErrorIdOf(ex, "ImAdmin.ChannelMemberChangeFailed"), row);
                return;
            }
            foreach (var result in results)
            {
                var user = (string)result.Input;
                if (!result.Succeeded)
                    // Only the rows that named the refused user fail; their other users and the other rows went through.
                    foreach (var row in batch.SourcesOf(user)) WriteItemError(result.Error!, ChannelText.ErrorIdOf(result.Error!, "ImAdmin.ChannelMemberChangeFailed"), row);
                else if (PassThru)
                    WriteObject(new ImChannelMember(batch.ChannelId, batch.ChannelType, user));
            }
        }
    }
}
