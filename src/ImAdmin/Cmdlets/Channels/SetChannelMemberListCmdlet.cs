using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using static ImAdmin.Cmdlets.Channels.ChannelText;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of Set-ImChannelBlacklist/-Whitelist, which REPLACE a list. Every row is collected first, so
    /// <c>Import-Csv users.csv | Set-ImChannelBlacklist ...</c> sets the list to all rows with one confirmation and
    /// one server call per channel. Emptying a list takes -Clear: an empty input (an empty file, an empty variable)
    /// never empties it. A channel with a bad row is not replaced at all, since the list would silently lack that row.
    /// </summary>
    public abstract class SetChannelMemberListCmdlet : ImRowCmdlet
    {
        private const string UsersSet = "Users";
        private const string ClearSet = "Clear";

        private readonly Dictionary<(string Id, ChannelType Type), Replacement> _channels = new Dictionary<(string, ChannelType), Replacement>();
        private IChannelAdmin _client = null!;

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
        /// The complete new list. Binds from CSV columns UserId, Uid, User, Account, Member_Account or user_id, or from
        /// plain strings piped in. An empty value never empties the list: that takes -Clear.
        /// </summary>
        [Parameter(ParameterSetName = UsersSet, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNull]
        public string[]? UserId { get; set; }

        /// <summary>Empty the list (remove every user from it).</summary>
        [Parameter(ParameterSetName = ClearSet, Mandatory = true)]
        public SwitchParameter Clear { get; set; }

        /// <summary>Write one ImChannelMember per user of the new list once the server has accepted it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Which of the channel's lists the cmdlet replaces.</summary>
        protected abstract ChannelMemberList List { get; }

        protected override void BeginProcessing()
        {
            if (!Clear && !MyInvocation.ExpectingInput && (UserId == null || UserId.Length == 0))
                ThrowInvalidArgument(nameof(UserId), $"No user ids were given, so {ListName(List)} was not changed: {UserIdSources}. To empty the list, use -Clear.");
            _client = RequireCapability<IChannelAdmin>();
        }

        protected override void ProcessRecord()
        {
            var key = (ChannelId, ChannelType);
            if (!_channels.TryGetValue(key, out var replacement)) _channels.Add(key, replacement = new Replacement());
            var userIds = Clear ? new string[0] : UserId ?? (PipedText == null ? new string[0] : new[] { PipedText });
            var row = RowOr(Clear ? ChannelId : (object)userIds);
            replacement.Rows.Add(row);
            try
            {
                ChannelInput.RequireWritable(ChannelId, ChannelType);
                var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
                if (ids.Count == 0 && !Clear) throw new ImInputException(nameof(UserId), $"The row has no user id: {UserIdSources}. To empty a list, use -Clear.");
                foreach (var id in ids) replacement.Add(id);
            }
            catch (ImInputException ex)
            {
                replacement.Invalid = true;
                WriteItemError(ex, "ImAdmin.InvalidArgument", row);
            }
        }

        protected override void EndProcessing()
        {
            if (_channels.Count == 0 && !Clear)
            {
                var target = MyInvocation.BoundParameters.ContainsKey(nameof(ChannelId)) ? " of " + ChannelTarget(ChannelId, ChannelType) : string.Empty;
                ThrowInvalidArgument(nameof(UserId), $"No user ids were received, so {ListName(List)}{target} was not changed. To empty a list, use -Clear.");
            }
            foreach (var channel in _channels)
                Replace(channel.Key.Id, channel.Key.Type, channel.Value);
        }

        private void Replace(string channelId, ChannelType channelType, Replacement replacement)
        {
            var target = ChannelTarget(channelId, channelType);
            if (replacement.Invalid)
            {
                WriteError(new ErrorRecord(new ImInputException(nameof(UserId), $"{ListName(List)} of {target} was not replaced because some of its rows were invalid (see the errors above)."),
                    "ImAdmin.ListReplaceSkipped", ErrorCategory.InvalidData, channelId));
                return;
            }
            var action = replacement.UserIds.Count == 0 ? $"Remove every user from {ListName(List)}" : $"Replace {ListName(List)} with {DescribeUsers(replacement.UserIds)}";
            if (!ShouldProcess(target, action)) return;
            try
            {
                Run(ct => _client.ReplaceChannelMembersAsync(List, channelId, channelType, replacement.UserIds, ct));
            }
            catch (ImException ex)
            {
                foreach (var row in replacement.Rows) WriteItemError(ex, ErrorIdOf(ex, "ImAdmin.ChannelListReplaceFailed"), row);
                return;
            }
            if (PassThru)
                foreach (var user in replacement.UserIds) WriteObject(new ImChannelMember(channelId, channelType, user));
        }

        /// <summary>One channel's new list and the rows it came from.</summary>
        private sealed class Replacement
        {
            private readonly HashSet<string> _seen = new HashSet<string>(System.StringComparer.Ordinal);

            public List<string> UserIds { get; } = new List<string>();
            public List<object> Rows { get; } = new List<object>();
            public bool Invalid { get; set; }

            public void Add(string userId)
            {
                if (_seen.Add(userId)) UserIds.Add(userId);
            }
        }
    }
}
