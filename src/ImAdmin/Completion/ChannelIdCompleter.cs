using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ImAdmin.Base;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Completion
{
    /// <summary>
    /// Completes -ChannelId with the channel ids the session (-Session, or the default one) returned recently. It asks
    /// no server: completion stays instant and works offline.
    /// </summary>
    internal sealed class ChannelIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = SessionOf(fakeBoundParameters);
            if (session == null) return Enumerable.Empty<CompletionResult>();
            return session.RecentChannelIds.StartingWith(Completions.Unquote(wordToComplete))
                .Select(id => Completions.Result(id, $"{id} (seen by session {session.Name})"));
        }

        private static ImSession? SessionOf(IDictionary bound)
        {
            var given = bound.Contains("Session") ? bound["Session"] : null;
            var value = given is PSObject wrapped ? wrapped.BaseObject : given;
            if (value is ImSession session) return session;
            return value is string name ? SessionRegistry.Current.Find(name) : SessionRegistry.Current.Default;
        }
    }
}
