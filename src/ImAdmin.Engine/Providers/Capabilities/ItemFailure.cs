using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>One item of a batch call that the server refused while the call as a whole succeeded.</summary>
    public sealed class ItemFailure
    {
        public ItemFailure(string key, ImException error)
        {
            Key = key;
            Error = error;
        }

        /// <summary>The id that was asked for (a user id, a peer).</summary>
        public string Key { get; }

        public ImException Error { get; }
    }
}
