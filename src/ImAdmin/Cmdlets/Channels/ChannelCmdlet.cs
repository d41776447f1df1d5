using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Completion;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the cmdlets that act on channels themselves (Get-, New-, Set-, Remove-ImChannel). The channel id comes
    /// from -ChannelId, a row's column, or a plain string piped in; each row is handled on its own.
    /// </summary>
    public abstract class ChannelCmdlet : WuKongChannelCmdlet
    {
        private const string MissingId = "Give -ChannelId, pipe channel ids, or pipe rows with a ChannelId (To, To_Account, Target, channel_id, Uid, UserId) column.";

        /// <summary>
        /// The channel id (for a person channel, the user's id). Binds from CSV columns ChannelId, To, To_Account,
        /// Target, channel_id, Uid or UserId, or from plain strings piped in.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("To", "To_Account", "Target", "channel_id", "Uid", "UserId")]
        [ArgumentCompleter(typeof(ChannelIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ChannelId { get; set; }

        /// <summary>Handles one channel; <paramref name="row"/> is what its errors point at.</summary>
        protected abstract void ProcessChannel(string channelId, object row);

        protected override void BeginProcessing()
        {
            if (ChannelId == null && !MyInvocation.ExpectingInput) ThrowInvalidArgument(nameof(ChannelId), MissingId);
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            var channelId = ChannelId ?? PipedText;
            var row = RowOr(channelId ?? string.Empty);
            if (channelId == null) WriteItemError(new ImInputException(nameof(ChannelId), "The row has no channel id. " + MissingId), "ImAdmin.InvalidArgument", row);
            else ProcessChannel(channelId, row);
        }
    }
}
