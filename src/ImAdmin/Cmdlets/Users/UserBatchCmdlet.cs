using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Batching;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// A cmdlet that sends user ids to the server in batches: ids from the command line, from CSV rows or piped as
    /// plain strings are queued in ProcessRecord (a <see cref="RowBatcher{TKey,TItem}"/> field) and sent whenever
    /// <see cref="IdsPerBatch"/> are waiting, the rest in EndProcessing. When a batch fails, each row in it gets its own error record (TargetObject =
    /// the row, or the id given on the command line), so <c>$failed.TargetObject | Same-Cmdlet</c> re-runs the failures.
    /// <typeparamref name="TClient"/> is the capability interface the cmdlet needs.
    /// </summary>
    public abstract class UserBatchCmdlet<TClient> : ImRowCmdlet where TClient : class
    {
        private const string UserIdSources = "pass -UserId, or pipe user ids or rows with a UserId (or Uid, User, Account, Member_Account, user_id) column";

        /// <summary>Ids per call; a client splits further where its server takes fewer.</summary>
        private const int IdsPerBatch = 1000;

        private readonly RowBatcher<bool, (string UserId, object Row)> _pending = new RowBatcher<bool, (string UserId, object Row)>(IdsPerBatch);

        /// <summary>The user ids.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        private IReadOnlyList<(string UserId, object Row)> _sending = System.Array.Empty<(string UserId, object Row)>();

        protected TClient Client { get; private set; } = null!;

        /// <summary>Whether any user id was given (Get-ImUserRoute works without).</summary>
        protected bool UsersGiven { get; private set; }

        protected virtual bool UserIdRequired => true;

        protected abstract string ErrorId { get; }

        /// <summary>Confirms one id before it is queued (ShouldProcess, for the cmdlets that change something).</summary>
        protected virtual bool Accept(string userId) => true;

        /// <summary>Sends one batch and writes its results.</summary>
        protected abstract void Send(IReadOnlyList<string> batch);

        protected override void BeginProcessing()
        {
            if (UserIdRequired && UserId == null && !MyInvocation.ExpectingInput) ThrowInvalidArgument(nameof(UserId), "No user ids: " + UserIdSources + ".");
            Client = RequireCapability<TClient>();
        }

        protected override void ProcessRecord()
        {
            var ids = UserId ?? (InputObject?.BaseObject is string text ? new[] { text } : null);
            if (ids == null)
            {
                if (InputObject != null) WriteItemError(new ImInputException(nameof(UserId), "The row has no user id: " + UserIdSources + "."), "ImAdmin.InvalidArgument", InputObject);
                return;
            }
            UsersGiven = true;
            foreach (var id in ids)
            {
                var row = RowOr(id);
                if (string.IsNullOrWhiteSpace(id))
                    WriteItemError(new ImInputException(nameof(UserId), "A row has an empty user id. Remove empty values (or blank CSV cells)."), "ImAdmin.InvalidArgument", row);
                else if (Accept(id))
                    Queue(id, row);
            }
        }

        protected override void EndProcessing()
        {
            foreach (var batch in _pending.Flush()) Send(batch.Items);
        }

        /// <summary>The row of the batch being sent that gave <paramref name="userId"/> (for a per-user error), or the id itself.</summary>
        protected object RowOf(string userId)
        {
            foreach (var pending in _sending)
                if (pending.UserId == userId) return pending.Row;
            return userId;
        }

        private void Queue(string userId, object row)
        {
            foreach (var batch in _pending.Add(true, (userId, row), IdsPerBatch)) Send(batch.Items);
        }

        private void Send(IReadOnlyList<(string UserId, object Row)> batch)
        {
            _sending = batch;
            try
            {
                Send(batch.Select(p => p.UserId).ToArray());
            }
            catch (ImException ex)
            {
                foreach (var row in batch.Select(p => p.Row).Distinct()) WriteItemError(ex, ErrorId, row);
            }
        }
    }
}
