using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>The outcome of looking up one message id or client_msg_no: the message, or why there is none.</summary>
    public sealed class MessageLookup<TKey>
    {
        internal MessageLookup(TKey key, ImMessage? message, ImException? error)
        {
            Key = key;
            Message = message;
            Error = error;
        }

        /// <summary>The id or client_msg_no that was asked for.</summary>
        public TKey Key { get; }

        public ImMessage? Message { get; }

        /// <summary>Set when <see cref="Message"/> is null (Kind NotFound when the server has no such message).</summary>
        public ImException? Error { get; }
    }
}
