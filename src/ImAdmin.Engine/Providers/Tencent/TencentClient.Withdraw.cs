using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Tencent
{
    public sealed partial class TencentClient : IMessageRevoker
    {
        /// <summary>Tencent Cloud IM identifies a C2C message by MsgKey with its sender and recipient; it has no multicasts or broadcasts.</summary>
        public object KeyOf(MessageIdentity identity, string operation)
        {
            if (identity.Scope != MessageScope.Message)
                throw new ImCapabilityException(Provider, $"{operation} -{identity.Scope}", "Tencent Cloud IM has no multicasts or broadcasts to act on.");
            if (identity.ChannelType == ChannelType.Group)
            {
                if (identity.MessageSequence is not long seq || seq < 1 || string.IsNullOrEmpty(identity.ChannelId))
                    throw new ImInputException("MessageSequence", "Tencent Cloud IM recalls a group message by its sequence: pass -ChannelType Group -ChannelId <GroupId> -MessageSequence <n>, or pipe Send-ImMessage -ChannelType Group -PassThru results.");
                return seq;
            }
            if (string.IsNullOrEmpty(identity.MessageKey))
                throw new ImInputException("MessageKey", "Tencent Cloud IM recalls by MsgKey: pass -MessageKey -From -ChannelId, or pipe Send-ImMessage -PassThru results or rows with MessageKey, From and To columns.");
            return identity.MessageKey!;
        }

        public async Task<ImRevokeResult> RevokeAsync(MessageIdentity identity, string operatorId, CancellationToken cancellationToken)
        {
            var key = KeyOf(identity, "Revoke-ImMessage");
            if (identity.ChannelType != ChannelType.Group)
                return await WithdrawAsync(identity.From, identity.ChannelId ?? string.Empty, (string)key, cancellationToken).ConfigureAwait(false);
            var result = (await RevokeGroupMessagesAsync(identity.ChannelId!, new[] { (long)key }, cancellationToken).ConfigureAwait(false)).Single();
            return result.Succeeded ? result.Value! : throw result.Error!;
        }

        private const string WithdrawApi = "openim/admin_msgwithdraw";
        private const int AlreadyWithdrawn = 20023;

        /// <summary>
        /// openim/admin_msgwithdraw: recalls a C2C message (no time limit for an admin) by its sender, recipient and
        /// MsgKey. A message recalled before (20023) is success with AlreadyRevoked, as on WildfireChat; so a repeat
        /// after a lost answer is harmless and the call is retried. No sender means the session's admin account, the
        /// sender of a message sent without -From.
        /// </summary>
        public async Task<ImRevokeResult> WithdrawAsync(string? from, string to, string msgKey, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(from)) from = Connection.Identifier!;
            if (string.IsNullOrEmpty(to)) throw new ImInputException("ChannelId", "-ChannelId must name the recipient of the message.");
            if (string.IsNullOrEmpty(msgKey)) throw new ImInputException("MessageKey", "-MessageKey must be the MsgKey that Send-ImMessage -PassThru or Get-ImMessage returned.");
            var result = new ImRevokeResult { Provider = Provider, MessageKey = msgKey, From = from, ChannelId = to };
            try
            {
                await CallAsync(WithdrawApi, new WithdrawBody(from!, to, msgKey), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.ServerCode == AlreadyWithdrawn)
            {
                result.AlreadyRevoked = true;
            }
            return result;
        }

        private sealed class WithdrawBody
        {
            public WithdrawBody(string from, string to, string msgKey)
            {
                From = from;
                To = to;
                MsgKey = msgKey;
            }

            [JsonPropertyName("From_Account")]
            public string From { get; }

            [JsonPropertyName("To_Account")]
            public string To { get; }

            [JsonPropertyName("MsgKey")]
            public string MsgKey { get; }
        }
    }
}
