using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Messages
{
    /// <summary>
    /// <para type="synopsis">Gets up to when messages have reached users' devices (WildfireChat professional edition or newer).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImDeliveryStatus")]
    [OutputType(typeof(ImDeliveryStatus), typeof(ImBulkSummary))]
    public sealed class GetImDeliveryStatusCommand : ImBulkRowCmdlet
    {
        private IDeliveryStatusReader? _client;

        /// <summary>The users; plain strings piped in are user ids too.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override string ErrorId => "ImAdmin.GetDeliveryStatusFailed";

        protected override void Prepare()
        {
            if (UserId == null && !MyInvocation.ExpectingInput)
                ThrowInvalidArgument(nameof(UserId), "No user ids: pass -UserId, or pipe user ids or rows with a UserId column.");
            _client = RequireCapability<IDeliveryStatusReader>();
        }

        protected override void ProcessRecord()
        {
            var ids = UserId ?? (InputObject?.BaseObject is string text ? new[] { text } : null);
            if (ids == null)
            {
                WriteItemError(new ImInputException(nameof(UserId), "The row has no user id: give it a UserId (or Uid, User, Account, user_id) column."), "ImAdmin.InvalidArgument", InputObject);
                return;
            }
            // One call per row, as every RowCalls cmdlet: a row's users are read in turn.
            Calls.Queue(RowOr(ids.Length == 1 ? ids[0] : (object)ids), string.Join(", ", ids), ids, async ct =>
            {
                var statuses = new List<ImDeliveryStatus>();
                foreach (var id in ids) statuses.Add(await _client!.GetDeliveryStatusAsync(id, ct).ConfigureAwait(false));
                return statuses;
            }, statuses => WriteObject(statuses, true));
        }
    }
}
