using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the Add-/Remove- member cmdlets. Rows are confirmed one by one (ShouldProcess), collected per channel
    /// and sent 1000 users per call (another provider's group: as many as its add or remove call takes); when a call fails, every row in it gets its own error with the row as
    /// TargetObject, and the other calls go on. Calls run in the background, up to -ThrottleLimit, while rows keep binding;
    /// with -Journal each user of a row is journalled.
    /// </summary>
    public abstract class ChangeChannelMemberCmdlet : ImRowCmdlet, IBulkParameters
    {
        private ChannelMemberBatcher _batcher = null!;
        private BulkRun<MemberBatch, IReadOnlyList<ItemResult<string>>>? _run;

        /// <summary>Journal keys of the users waiting in the batcher, by channel and user (a user given twice has two).</summary>
        private readonly Dictionary<(string, ChannelType, string), List<JournalKey>> _keys = new Dictionary<(string, ChannelType, string), List<JournalKey>>();

        /// <summary>The journal keys of the calls in flight (with a journal only).</summary>
        private readonly Dictionary<MemberBatch, List<(string User, JournalKey Key)>> _journalled = new Dictionary<MemberBatch, List<(string User, JournalKey Key)>>();
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

        /// <summary>Calls must run one at a time (e.g. the first call of a channel clears it first): -ThrottleLimit is then 1.</summary>
        protected virtual bool OneCallAtATime => false;

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
            _run = BulkRun.Create<MemberBatch, IReadOnlyList<ItemResult<string>>>(this, this, ResolveSession().Provider, SendEachAsync, Finished, OneCallAtATime);
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
            _run!.Collect();
        }

        protected override void EndProcessing()
        {
            foreach (var batch in _batcher.Flush()) Send(batch);
            _run!.Finish();
            _run.Summarize(Summary);
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
                _run!.Progress.AddRead(users.Count);
                users = users.Where(user => Admitted(user, row)).ToList();
                if (users.Count == 0) return;
                foreach (var batch in _batcher.Add(ChannelId, ChannelType, users, row)) Send(batch);
            }
            catch (ImInputException ex)
            {
                WriteItemError(ex, "ImAdmin.InvalidArgument", row);
            }
        }

        /// <summary>Whether a user of a row goes ahead, from the journal (always without one); its key waits with it.</summary>
        private bool Admitted(string user, object row)
        {
            var name = MyInvocation.MyCommand.Name;
            var key = _run!.NextKey(name, ChannelId, ChannelType.ToString(), user);
            if (!key.HasValue) return true;
            if (!_run.Admit(key.Value, null, Label(ChannelId, user), () => new ImException(ImErrorKind.ServerError,
                        $"{user} in {ChannelType} {ChannelId}: not sent: an earlier {name} with this journal may have done it (its outcome is unknown). Check the channel; to send it anyway, run without -Journal.")
                    { OutcomeUnknown = true }, "ImAdmin.MemberOutcomeUnknown", row))
                return false;
            var slot = (ChannelId, ChannelType, user);
            if (!_keys.TryGetValue(slot, out var keys)) _keys[slot] = keys = new List<JournalKey>();
            keys.Add(key.Value);
            return true;
        }

        private static string Label(string channelId, string user) => $"{channelId} {user}";

        /// <summary>The journal keys of a batch's users, taken off the waiting list.</summary>
        private List<(string User, JournalKey Key)> TakeKeys(MemberBatch batch)
        {
            var taken = new List<(string User, JournalKey Key)>();
            foreach (var user in batch.UserIds)
            {
                var slot = (batch.ChannelId, batch.ChannelType, user);
                if (!_keys.TryGetValue(slot, out var keys)) continue;
                _keys.Remove(slot);
                taken.AddRange(keys.Select(k => (user, k)));
            }
            return taken;
        }

        private void Send(MemberBatch batch)
        {
            List<(string User, JournalKey Key)>? keys = null;
            if (_run!.Journal != null) _journalled[batch] = keys = TakeKeys(batch);
            _run.Start(batch, keys?.Select(k => new KeyValuePair<JournalKey, string>(k.Key, Label(batch.ChannelId, k.User))));
        }

        /// <summary>A finished call (on the pipeline thread): each user's outcome to the journal, members or errors to the pipeline.</summary>
        private void Finished(Dispatched<MemberBatch, IReadOnlyList<ItemResult<string>>> call)
        {
            if (call.Cancelled) throw new PipelineStoppedException();
            var batch = call.Input;
            _journalled.TryGetValue(batch, out var keys);
            _journalled.Remove(batch);
            if (call.Error is ImException ex)
            {
                foreach (var user in batch.UserIds) Record(batch, keys, user, ex);
                if (ex.Kind == ImErrorKind.NotSupported)
                    // Every later call would fail the same way.
                    ThrowTerminating(ex, "ImAdmin.NotSupported", batch.Sources[0]);
                foreach (var row in batch.Sources) WriteItemError(ex, ChannelText.ErrorIdOf(ex, "ImAdmin.ChannelMemberChangeFailed"), row);
                return;
            }
            if (call.Error != null) throw call.Error;
            foreach (var result in call.Output)
            {
                var user = (string)result.Input;
                Record(batch, keys, user, result.Error);
                if (!result.Succeeded)
                    // Only the rows that named the refused user fail; their other users and the other rows went through.
                    foreach (var row in batch.SourcesOf(user)) WriteItemError(result.Error!, ChannelText.ErrorIdOf(result.Error!, "ImAdmin.ChannelMemberChangeFailed"), row);
                else if (PassThru)
                    WriteObject(new ImChannelMember(batch.ChannelId, batch.ChannelType, user));
            }
        }

        /// <summary>One user's outcome (<paramref name="error"/> null: done), journalled under each of its keys, or counted once without a journal.</summary>
        private void Record(MemberBatch batch, List<(string User, JournalKey Key)>? keys, string user, ImException? error)
        {
            var outcome = error == null ? JournalState.Sent : error.OutcomeUnknown ? JournalState.Unknown : JournalState.Failed;
            if (keys == null)
            {
                _run!.Record(null, outcome, string.Empty);
                return;
            }
            foreach (var key in keys.Where(k => k.User == user)) _run!.Record(key.Key, outcome, Label(batch.ChannelId, user));
        }
    }
}
