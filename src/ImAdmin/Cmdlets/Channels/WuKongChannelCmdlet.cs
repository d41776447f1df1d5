using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the channel cmdlets: -ChannelType, the pipeline row (kept so a failed row is its error's
    /// TargetObject), and the session's WuKongIM client, resolved once before the first row. Channels are a WuKongIM
    /// concept: on another provider the cmdlet stops with one error naming the provider.
    /// </summary>
    public abstract class WuKongChannelCmdlet : ImRowCmdlet
    {
        /// <summary>The channel kind: Group, Person (the channel id is then a user id), Community, Live, ... (or 1-12).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>The session's channel capability (set before the first row).</summary>
        protected IChannelAdmin Client { get; private set; } = null!;

        protected override void BeginProcessing() => Client = RequireCapability<IChannelAdmin>();

        /// <summary>A plain string piped in (a line of Get-Content): it stands for the cmdlet's identity parameter.</summary>
        protected string? PipedText => InputObject?.BaseObject as string;

        /// <summary>Runs an engine call for one row; a failure becomes that row's non-terminating error and false.</summary>
        protected bool TryRun<T>(Func<CancellationToken, Task<T>> operation, string errorId, object row, out T result)
        {
            try
            {
                result = Run(operation);
                return true;
            }
            catch (ImException ex)
            {
                WriteItemError(ex, ErrorIdOf(ex, errorId), row);
                result = default!;
                return false;
            }
        }

        protected bool TryRun(Func<CancellationToken, Task> operation, string errorId, object row) =>
            TryRun(Completing(operation), errorId, row, out _);

        /// <summary>Bad input and missing channels get their own ids, so scripts can tell them from server failures.</summary>
        protected static string ErrorIdOf(ImException ex, string errorId) =>
            ex is ImInputException ? "ImAdmin.InvalidArgument" : ex.Kind == ImErrorKind.NotFound ? "ImAdmin.ChannelNotFound" : errorId;

        /// <summary>A ShouldProcess target: "Group channel 'g1'".</summary>
        protected static string ChannelTarget(string channelId, ChannelType channelType) => $"{channelType} channel '{channelId}'";

        /// <summary>"user 'a'", "3 users (a, b, c)" or "1200 users (a, b, c, d, e, ...)".</summary>
        protected static string DescribeUsers(IReadOnlyList<string> userIds)
        {
            const int Shown = 5;
            if (userIds.Count == 1) return $"user '{userIds[0]}'";
            var names = string.Join(", ", userIds.Take(Shown)) + (userIds.Count > Shown ? ", ..." : string.Empty);
            return $"{userIds.Count} users ({names})";
        }
    }
}
