namespace ImAdmin.Engine.Diagnostics
{
    /// <summary>
    /// Receives the engine's diagnostics. The cmdlets supply one that queues messages and replays them as
    /// Verbose/Warning/Debug records on the pipeline thread. Text passed here is already redacted.
    /// </summary>
    public interface IImLog
    {
        void Verbose(string message);
        void Warning(string message);
        void Debug(string message);
    }
}
