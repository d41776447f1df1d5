using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// A message cmdlet that moves many rows (Send-ImMessage, Import-ImMessage): -ThrottleLimit, -Journal and -Summary,
    /// and the <see cref="BulkRun{TCall,TResult}"/> they configure.
    /// </summary>
    public abstract class ImBulkMessageCmdlet : ImMessageContentCmdlet
    {
        /// <summary>Server calls in flight at once (default per provider: 8, Tencent Cloud IM 16).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <summary>A file recording each row's outcome: a re-run with the same file skips rows already done and reports rows whose outcome is unknown instead of repeating them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <summary>Write one summary object at the end (sent, failed, skipped, unknown).</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>The run of this invocation, from -ThrottleLimit (or the provider's default) and -Journal.</summary>
        internal BulkRun<TCall, TResult> StartRun<TCall, TResult>(ImProvider provider,
            Func<TCall, CancellationToken, Task<TResult>> call, Action<Dispatched<TCall, TResult>> onFinished)
        {
            var limit = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? ThrottleLimit : (int?)null;
            return BulkRun.Create(this, provider, limit, Journal, call, onFinished);
        }
    }
}
