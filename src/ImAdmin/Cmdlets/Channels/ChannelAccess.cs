using System;
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
    /// How a channel cmdlet reaches its channels, held as a field by every channel base (composition): the session's
    /// channel capability (WuKongIM), resolved once before the first row, or, for the cmdlets that also manage another
    /// provider's groups, the group capabilities for -ChannelType Group rows. Anything else on another provider stops
    /// with one error naming the provider.
    /// </summary>
    internal sealed class ChannelAccess
    {
        private readonly ImRowCmdlet _cmdlet;
        private readonly ImProvider _provider;

        /// <param name="cmdlet">The cmdlet whose session, parameters and errors the access uses.</param>
        /// <param name="handlesProviderGroups">True for the cmdlets that manage groups of the other providers too (New-, Get-, Remove-ImChannel and subscribers).</param>
        public ChannelAccess(ImRowCmdlet cmdlet, bool handlesProviderGroups)
        {
            _cmdlet = cmdlet;
            var session = cmdlet.ResolveSession();
            _provider = session.Provider;
            if (handlesProviderGroups && !(session.Client is IChannelAdmin)) return;
            Client = cmdlet.RequireCapability<IChannelAdmin>();
        }

        /// <summary>The session's channel capability; null when the cmdlet works on another provider's groups.</summary>
        public IChannelAdmin? Client { get; }

        /// <summary>Whether rows go to another provider's groups (the session is not WuKongIM).</summary>
        public bool OnProviderGroups => Client == null;

        /// <summary>
        /// The session's group capability for a row of <paramref name="channelType"/>: it must be Group, the one channel
        /// kind the other providers have an admin API for; any other kind stops the cmdlet with one error naming the provider.
        /// </summary>
        public T GroupCapability<T>(ChannelType channelType) where T : class
        {
            if (channelType != ChannelType.Group)
                _cmdlet.ThrowTerminating(new ImCapabilityException(_provider, $"{_cmdlet.MyInvocation.MyCommand.Name} -ChannelType {channelType}",
                    "Only groups (-ChannelType Group) have an admin API there.") { ParameterName = "ChannelType" }, "ImAdmin.NotSupported", channelType);
            return _cmdlet.RequireCapability<T>();
        }

        /// <summary>Stops the cmdlet when a WuKongIM-only parameter was given on another provider's groups.</summary>
        public void RefuseOnProviderGroups(params string[] parameterNames)
        {
            if (OnProviderGroups) Refuse(parameterNames, "It is a WuKongIM channel setting.");
        }

        /// <summary>Stops the cmdlet when a parameter for other providers' groups was given on WuKongIM.</summary>
        public void RefuseOnWuKong(params string[] parameterNames)
        {
            if (!OnProviderGroups) Refuse(parameterNames, "WuKongIM channels have no name, owner or group type.");
        }

        private void Refuse(string[] parameterNames, string reason)
        {
            foreach (var name in parameterNames)
                if (_cmdlet.MyInvocation.BoundParameters.ContainsKey(name))
                    _cmdlet.ThrowTerminating(new ImCapabilityException(_provider, $"{_cmdlet.MyInvocation.MyCommand.Name} -{name}", reason) { ParameterName = name },
                        "ImAdmin.NotSupported", name);
        }

        /// <summary>Runs an engine call for one row; a failure becomes that row's non-terminating error and false.</summary>
        public bool TryRun<T>(Func<CancellationToken, Task<T>> operation, string errorId, object row, out T result)
        {
            try
            {
                result = _cmdlet.Run(operation);
                return true;
            }
            catch (ImException ex)
            {
                _cmdlet.WriteItemError(ex, ChannelText.ErrorIdOf(ex, errorId), row);
                result = default!;
                return false;
            }
        }
    }
}
