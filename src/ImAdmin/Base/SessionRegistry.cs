using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// The sessions of one runspace and which is the default. Keyed by runspace (not a process-wide static), so
    /// ForEach-Object -Parallel, thread jobs and concurrent runbooks never share or clobber each other's default.
    /// </summary>
    internal sealed class SessionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, SessionRegistry> PerRunspace = new ConditionalWeakTable<Runspace, SessionRegistry>();
        private static readonly SessionRegistry NoRunspace = new SessionRegistry();

        private readonly List<ImSession> _sessions = new List<ImSession>();
        private readonly object _gate = new object();
        private ImSession? _default;

        /// <summary>The registry of the runspace running the calling cmdlet.</summary>
        public static SessionRegistry Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? NoRunspace : PerRunspace.GetValue(runspace, _ => new SessionRegistry());
            }
        }

        public ImSession? Default
        {
            get { lock (_gate) return _default; }
        }

        /// <summary>Sessions in connection order, with <see cref="ImSession.IsDefault"/> brought up to date.</summary>
        public IReadOnlyList<ImSession> All
        {
            get
            {
                lock (_gate)
                {
                    MarkDefault();
                    return _sessions.ToList();
                }
            }
        }

        /// <summary>The session named <paramref name="name"/> (case-insensitive), or null.</summary>
        public ImSession? Find(string name) =>
            All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Adds <paramref name="session"/> as the default; a session of the same name is replaced and disposed.</summary>
        public ImSession? Add(ImSession session)
        {
            lock (_gate)
            {
                var replaced = _sessions.FirstOrDefault(s => string.Equals(s.Name, session.Name, StringComparison.OrdinalIgnoreCase));
                if (replaced != null) _sessions.Remove(replaced);
                _sessions.Add(session);
                _default = session;
                MarkDefault();
                replaced?.Dispose();
                return replaced;
            }
        }

        private void MarkDefault()
        {
            foreach (var s in _sessions) s.IsDefault = ReferenceEquals(s, _default);
        }

        public void Remove(ImSession session)
        {
            lock (_gate)
            {
                _sessions.Remove(session);
                if (ReferenceEquals(_default, session)) _default = null;
            }
        }

        /// <summary>Disposes every session (module removal).</summary>
        public void Clear()
        {
            lock (_gate)
            {
                foreach (var s in _sessions) s.Dispose();
                _sessions.Clear();
                _default = null;
            }
        }
    }
}
