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
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>
    /// Base of the channel cmdlets: -ChannelType, the pipeline row (kept so a failed row is its error's
    /// TargetObject), and the session's channel capability (WuKongIM), resolved once before the first row. Channels are a
    /// WuKongIM concept; the cmdlets that also manage another provider's groups (<see cref="HandlesProviderGroups"/>) reach them
    /// through the group capabilities for -ChannelType Group rows. Anything else on another provider stops with one
    /// error naming the provider.
    /// </summary>
    public abstract class WuKongChannelCmdlet : ImRowCmdlet
    {
        private ImProvider _provider;

        /// <summary>The channel kind: Group, Person (the channel id is then a user id), Community, Live, ... (or 1-12).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("channel_type")]
        public ChannelType ChannelType { get; set; }

        /// <summary>The session's channel capability (set before the first row); null when the cmdlet works on another provider's groups.</summary>
        protected IChannelAdmin Client { get; private set; } = null!;

        /// <summary>Whether rows go to another provider's groups (the session is not WuKongIM).</summary>
        protected bool OnProviderGroups => Client == null;

        /// <summary>True for the cmdlets that manage groups of the other providers too (New-, Get-, Remove-ImChannel and subscribers).</summary>
        protected virtual bool HandlesProviderGroups => false;

        protected override void BeginProcessing()
        {
            var session = ResolveSession();
            _provider = session.Provider;
            if (HandlesProviderGroups && !(session.Client is IChannelAdmin)) return;
            Client = RequireCapability<IChannelAdmin>();
        }

        /// <summary>
        /// The session's group capability for the current row: the row must be -ChannelType Group, the one channel kind
        /// the other providers have an admin API for; any other kind stops the cmdlet with one error naming the provider.
        /// </summary>
        protected T GroupCapability<T>() where T : class
        {
            if (ChannelType != ChannelType.Group)
                ThrowTerminating(new ImCapabilityException(_provider, $"{MyInvocation.MyCommand.Name} -ChannelType {ChannelType}",
                    "Only groups (-ChannelType Group) have an admin API there.") { ParameterName = nameof(ChannelType) }, "ImAdmin.NotSupported", ChannelType);
            return RequireCapability<T>();
        }

        /// <summary>Stops the cmdlet when a WuKongIM-only parameter was given on another provider's groups.</summary>
        protected void RefuseOnProviderGroups(params string[] parameterNames)
        {
            if (!OnProviderGroups) return;
            foreach (var name in parameterNames)
                if (MyInvocation.BoundParameters.ContainsKey(name))
                    ThrowTerminating(new ImCapabilityException(_provider, $"{MyInvocation.MyCommand.Name} -{name}", "It is a WuKongIM channel setting.") { ParameterName = name },
                        "ImAdmin.NotSupported", name);
        }

        /// <summary>Stops the cmdlet when a parameter for other providers' groups was given on WuKongIM.</summary>
        protected void RefuseOnWuKong(params string[] parameterNames)
        {
            if (OnProviderGroups) return;
            foreach (var name in parameterNames)
                if (MyInvocation.BoundParameters.ContainsKey(name))
                    ThrowTerminating(new ImCapabilityException(_provider, $"{MyInvocation.MyCommand.Name} -{name}", "WuKongIM channels have no name, owner or group type.") { ParameterName = name },
                        "ImAdmin.NotSupported", name);
        }

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
            ex is ImInputException ? "ImAdmin.InvalidArgument" : ex.Kind == ImErrorKind.NotFound ? "ImAdmin.ChannelNotFound"
            : ex.Kind == ImErrorKind.AlreadyExists ? "ImAdmin.ChannelExists" : errorId;

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
