using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Gets the sequence number of a channel's newest message (0 when it has none).</para>
    /// <para type="description">
    /// One read per row, run through <see cref="RowCalls"/>: rows run concurrently, up to -ThrottleLimit at once, and
    /// their results may come out of input order (each names its channel). It declares -ThrottleLimit, -Journal and
    /// -Summary itself: its base <see cref="ImChannelViewCmdlet"/> is shared with Get-ImMessage, a paged read that must
    /// not get them, and a bulk base between the two would put this cmdlet five levels below PSCmdlet.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImMessageSequence")]
    [OutputType(typeof(ImMessageSequence), typeof(ImBulkSummary))]
    public sealed class GetImMessageSequenceCommand : ImChannelViewCmdlet, IBulkParameters
    {
        private IMessageSequenceReader? _client;
        private RowCalls _calls = null!;

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

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IMessageSequenceReader>();
            _calls = new RowCalls(this, this, "ImAdmin.GetMessageSequenceFailed");
        }

        protected override void ProcessRecord()
        {
            var (channelId, channelType, userId) = (ChannelId, ChannelType, UserId);
            var label = userId == null ? $"{channelType} channel '{channelId}'" : $"{channelType} channel '{channelId}' seen by '{userId}'";
            _calls.Queue(RowOr(channelId), label, new[] { channelId, channelType.ToString(), userId },
                ct => _client!.GetMessageSequenceAsync(channelId, channelType, userId, ct), sequence => WriteObject(sequence));
        }

        protected override void EndProcessing() => _calls.Finish();
    }
}
