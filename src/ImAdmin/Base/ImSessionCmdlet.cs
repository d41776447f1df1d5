using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;
using ImAdmin.Completion;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Providers;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>A cmdlet that talks to a server: adds -Session and falls back to the runspace's default session.</summary>
    public abstract class ImSessionCmdlet : ImCmdlet
    {
        private ImSession? _resolved;

        /// <summary>
        /// The session to use, or its name; defaults to the last one Connect-ImServer created in this runspace.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public virtual ImSession? Session { get; set; }

        /// <summary>The session to use, or a terminating error that says how to get one.</summary>
        protected ImSession ResolveSession()
        {
            var session = Session ?? SessionRegistry.Current.Default;
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
        protected new void WriteObject(object? sendToPipeline)
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
        protected T RequireCapability<T>() where T : class
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
