using System.Collections.Generic;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// A cmdlet that sends user ids to the server in batches: ids from the pipeline are queued in ProcessRecord and
    /// sent whenever <see cref="WuKongClient.UserBatchSize"/> are waiting, the rest in EndProcessing. When a batch
    /// fails, every id in it gets its own error record (TargetObject = that id), so failures can be re-run.
    /// </summary>
    public abstract class UserBatchCommand : ImSessionCmdlet
    {
        private readonly List<string> _pending = new List<string>();

        protected WuKongClient Client { get; private set; } = null!;

        protected abstract string Capability { get; }

        protected abstract string ErrorId { get; }

        /// <summary>Sends one batch and writes its results.</summary>
        protected abstract void Send(IReadOnlyList<string> batch);

        protected override void BeginProcessing() => Client = RequireClient<WuKongClient>(Capability);

        protected void Queue(string userId)
        {
            _pending.Add(userId);
            if (_pending.Count >= WuKongClient.UserBatchSize) Flush();
        }

        protected override void EndProcessing() => Flush();

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToArray();
            _pending.Clear();
            try
            {
                Send(batch);
            }
            catch (ImException ex)
            {
                foreach (var userId in batch) WriteItemError(ex, ErrorId, userId);
            }
        }
    }
}
