using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Completion;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the cmdlets that act on channels themselves (Get-, New-, Set-, Remove-ImChannel). The channel id comes
    /// from -ChannelId, a row's column, or a plain string piped in; each row is one call, run through
    /// <see cref="RowCalls"/> (-ThrottleLimit, -Journal, -Summary). The provider is reached through a <see cref="ChannelAccess"/>.
    /// </summary>
    public abstract class ChannelCmdlet : ImRowCmdlet, IBulkParameters
    {
        private const string MissingId = "Give -ChannelId, pipe channel ids, or pipe rows with a ChannelId (To, To_Account, Target, channel_id, Uid, UserId) column.";

        private ChannelAccess _access = null!;
        private RowCalls _calls = null!;

        /// <summary>
        /// The channel id (for a person channel, the user's id). Binds from CSV columns ChannelId, To, To_Account,
        /// Target, channel_id, Uid or UserId, or from plain strings piped in.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id", "Uid", "UserId")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ChannelId { get; set; }

        /// <summary>The channel kind: Group, Person (the channel id is then a user id), Community, Live, ... (or 1-12).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
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

        /// <summary>The error id of a row whose call failed (bad input, a missing or an existing channel get their own).</summary>
        protected abstract string ErrorId { get; }

        /// <summary>The session's channel capability (set before the first row); null when the cmdlet works on another provider's groups.</summary>
        protected IChannelAdmin Client => _access.Client!;

        /// <summary>Whether rows go to another provider's groups (the session is not WuKongIM).</summary>
        protected bool OnProviderGroups => _access.OnProviderGroups;

        /// <summary>True for the cmdlets that manage groups of the other providers too.</summary>
        protected virtual bool HandlesProviderGroups => false;

        /// <summary>Handles one channel; <paramref name="row"/> is what its errors point at.</summary>
        protected abstract void ProcessChannel(string channelId, object row);

        protected override void BeginProcessing()
        {
            if (ChannelId == null && !MyInvocation.ExpectingInput) ThrowInvalidArgument(nameof(ChannelId), MissingId);
            _access = new ChannelAccess(this, HandlesProviderGroups);
            _calls = new RowCalls(this, this, ex => ChannelText.ErrorIdOf(ex, ErrorId));
        }

        protected override void EndProcessing() => _calls.Finish();

        protected override void ProcessRecord()
        {
            var channelId = ChannelId ?? PipedText;
            var row = RowOr(channelId ?? string.Empty);
            if (channelId == null) WriteItemError(new ImInputException(nameof(ChannelId), "The row has no channel id. " + MissingId), "ImAdmin.InvalidArgument", row);
            else ProcessChannel(channelId, row);
        }

        /// <summary>
        /// Runs a row's call in the background (see <see cref="RowCalls.Queue{T}"/>); its journal key is the channel with
        /// <paramref name="change"/>, the values that make the row another row.
        /// </summary>
        protected void Queue<T>(string channelId, object row, string?[] change, Func<CancellationToken, Task<T>> call, Action<T> onDone) =>
            _calls.Queue(row, ChannelText.ChannelTarget(channelId, ChannelType), new[] { channelId, ChannelType.ToString() }.Concat(change).ToArray(), call, onDone);

        /// <inheritdoc cref="ChannelAccess.GroupCapability{T}"/>
        protected T GroupCapability<T>() where T : class => _access.GroupCapability<T>(ChannelType);

        /// <inheritdoc cref="ChannelAccess.RefuseOnProviderGroups"/>
        protected void RefuseOnProviderGroups(params string[] parameterNames) => _access.RefuseOnProviderGroups(parameterNames);

        /// <inheritdoc cref="ChannelAccess.RefuseOnWuKong"/>
        protected void RefuseOnWuKong(params string[] parameterNames) => _access.RefuseOnWuKong(parameterNames);

        /// <inheritdoc cref="ChannelAccess.TryRun{T}"/>
        protected bool TryRun<T>(Func<CancellationToken, Task<T>> operation, string errorId, object row, out T result) =>
            _access.TryRun(operation, errorId, row, out result);

        protected bool TryRun(Func<CancellationToken, Task> operation, string errorId, object row) =>
            _access.TryRun(Completing(operation), errorId, row, out _);
    }
}
