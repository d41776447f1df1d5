using System;
using System.Collections.Concurrent;
using System.Reflection;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// The session part of every cmdlet that talks to a server. It lives here rather than in a base of its own so that
    /// <see cref="ImSessionCmdlet"/> and <see cref="ImRowCmdlet"/> stand side by side, each one level below this class.
    /// </summary>
    public abstract partial class ImCmdlet
    {
        private ImSession? _resolved;

        /// <summary>The session given with -Session; null when none was given (or the cmdlet has no -Session).</summary>
        protected virtual ImSession? RequestedSession => null;

        /// <summary>The session to use, or a terminating error that says how to get one.</summary>
        protected internal ImSession ResolveSession()
        {
            var session = RequestedSession ?? SessionRegistry.Current.Default;
            if (session == null)
                ThrowTerminating(new ImException(ImErrorKind.InvalidState,
                        "No ImAdmin session. Run Connect-ImServer first, or pass -Session (e.g. -Session (Get-ImSession -Name prod))."),
                    "ImAdmin.NoSession");
            if (session!.IsDisconnected)
                ThrowTerminating(new ImException(ImErrorKind.InvalidState,
                        $"Session '{session.Name}' was disconnected. Run Connect-ImServer again."),
                    "ImAdmin.SessionDisconnected", session);
            return _resolved = session;
        }

        /// <summary>Writes an output object, remembering its channel id for -ChannelId completion.</summary>
        protected internal new void WriteObject(object? sendToPipeline)
        {
            if (_resolved != null && sendToPipeline != null) _resolved.RecentChannelIds.Add(ChannelIdOf(sendToPipeline));
            base.WriteObject(sendToPipeline);
        }

        private static readonly ConcurrentDictionary<Type, PropertyInfo?> ChannelIdProperties = new ConcurrentDictionary<Type, PropertyInfo?>();

        private static string? ChannelIdOf(object item) =>
            ChannelIdProperties.GetOrAdd(item.GetType(), t => t.GetProperty("ChannelId") is { PropertyType: var type } p && type == typeof(string) ? p : null)
                ?.GetValue(item) as string;

        /// <summary>
        /// The session's client as the capability interface <typeparamref name="T"/>: the one way a cmdlet reaches a
        /// provider. A provider without it is one terminating error: "X is not available on P servers; use Z".
        /// </summary>
        protected internal T RequireCapability<T>() where T : class
        {
            var session = ResolveSession();
            try
            {
                return session.RequireCapability<T>(MyInvocation.MyCommand.Name);
            }
            catch (ImCapabilityException ex)
            {
                ThrowTerminating(ex, "ImAdmin.NotSupported", session);
                throw; // not reached
            }
        }

        /// <summary>The capability when the session's provider has it, else null (for extras such as reading a result back).</summary>
        protected T? OptionalCapability<T>() where T : class => ResolveSession().Client as T;
    }
}
