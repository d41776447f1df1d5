namespace ImAdmin.Engine.Diagnostics
{
    /// <summary>
    /// Receives the engine's diagnostics. The cmdlets supply one that queues messages and replays them as
    /// Verbose/Warning/Debug records on the pipeline thread. Text passed here is already redacted.
    /// </summary>
    public interface IImLog
    {
        /// <summary>Whether verbose messages are kept; when not, the engine does not build them (one per call).</summary>
        bool VerboseEnabled { get; }

        /// <summary>Whether debug messages are kept; when not, the engine does not read and redact bodies for them.</summary>
        bool DebugEnabled { get; }

        void Verbose(string message);
        void Warning(string message);
        void Debug(string message);
    }
}
