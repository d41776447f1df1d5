using System;
using System.Threading;

namespace ImAdmin.Engine.Diagnostics
{
    /// <summary>
    /// The log of the current logical call. It flows with async calls (AsyncLocal), so a session shared by
    /// several runspaces still sends each call's messages to the cmdlet that made it.
    /// </summary>
    public static class ImLog
    {
        private static readonly AsyncLocal<IImLog?> CurrentLog = new AsyncLocal<IImLog?>();

        public static IImLog? Current => CurrentLog.Value;

        /// <summary>Makes <paramref name="log"/> current until the returned scope is disposed.</summary>
        public static IDisposable Use(IImLog log)
        {
            var previous = CurrentLog.Value;
            CurrentLog.Value = log;
            return new Scope(previous);
        }

        internal static void Verbose(string message) => CurrentLog.Value?.Verbose(message);

        /// <summary>Whether a verbose message would be kept, for messages worth building only then.</summary>
        internal static bool VerboseEnabled => CurrentLog.Value?.VerboseEnabled == true;

        internal static void Warning(string message) => CurrentLog.Value?.Warning(message);

        internal static void Debug(string message) => CurrentLog.Value?.Debug(message);

        private sealed class Scope : IDisposable
        {
            private readonly IImLog? _previous;
            public Scope(IImLog? previous) => _previous = previous;
            public void Dispose() => CurrentLog.Value = _previous;
        }
    }
}
