using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// One-to-one (C2C) sends: a single row goes through openim/sendmsg, whose (sender, MsgSeq, MsgRandom, content)
    /// dedupe for 120 s makes retries safe; rows that share sender, content and flags go through openim/batchsendmsg,
    /// up to 500 recipients per call, retried only when throttled (its dedupe is not documented). Group rows go one by
    /// one through send_group_msg (TencentClient.Groups.cs).
    /// </summary>
    public sealed partial class TencentClient
    {
        private const int MaxBatchRecipients = 500;
        private const string SendApi = "openim/sendmsg";

        /// <summary>MsgLifeTime is at most 7 days (90026).</summary>
        private const int MaxLifetimeSeconds = 604800;

        /// <summary>SyncOtherMachine 2: not stored on the sender's side.</summary>
        private const int NoSyncToSender = 2;

        private const int MaxGroupIdBytes = 48;

        /// <summary>Per-session MsgSeq counter from a random start: orders a script's messages sent within the same second.</summary>
        private int _msgSeq = (int)(TencentRandom.Next() & 0x7FFFFFFF);

        public override int GetBatchLimit(SendRequest request) =>
            request.ChannelType == ChannelType.Person && request.ClientMsgNo == null ? MaxBatchRecipients : 1;

        public override async Task<IReadOnlyList<ItemResult<ImSendResult>>> SendAsync(IReadOnlyList<SendRequest> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0) return Array.Empty<ItemResult<ImSendResult>>();
            var first = batch[0];
            if (first.ChannelType != ChannelType.Person && first.ChannelType != ChannelType.Group)
                throw new ImCapabilityException(ImProvider.TencentCloud, $"Send-ImMessage to a {first.ChannelType} channel",
                    "ImAdmin sends Tencent Cloud IM one-to-one messages (-ChannelType Person, the recipient's UserID as -ChannelId) and group messages (-ChannelType Group, the GroupId as -ChannelId).");
            var elements = TencentMsgBody.Build(first.Content);
            if (first.ChannelType == ChannelType.Group) return new[] { ItemResult<ImSendResult>.Success(first, await SendToGroupAsync(first, elements, cancellationToken).ConfigureAwait(false)) };
            if (batch.Count == 1) return new[] { ItemResult<ImSendResult>.Success(first, await SendOneAsync(first, elements, cancellationToken).ConfigureAwait(false)) };

            // A recipient the server would refuse (e.g. an id over 32 bytes) fails its own row, not the whole call.
            var results = new ItemResult<ImSendResult>[batch.Count];
            var valid = new List<int>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    ValidAccount(batch[i].ChannelId, "ChannelId");
                    valid.Add(i);
                }
                catch (ImInputException ex)
                {
                    results[i] = ItemResult<ImSendResult>.Failure(batch[i], ex);
                }
            }
            var chunks = Chunk(valid.ToArray(), MaxBatchRecipients).ToList();
            // A call's failure is the whole batch's, unless rows were refused above or other chunks remain: then it is
            // told per row, so those rows keep their own error and later chunks are still sent.
            var perRow = valid.Count < batch.Count || chunks.Count > 1;
            foreach (var chunk in chunks)
            {
                var rows = chunk.Select(i => batch[i]).ToArray();
                ItemResult<ImSendResult>[] sent;
                try
                {
                    sent = (await SendBatchAsync(rows, elements, cancellationToken).ConfigureAwait(false)).ToArray();
                }
                catch (ImException ex) when (perRow && !ex.EndsRun)
                {
                    sent = rows.Select(r => ItemResult<ImSendResult>.Of(r, ex)).ToArray();
                }
                for (var k = 0; k < chunk.Length; k++) results[chunk[k]] = sent[k];
            }
            return results;
        }

        private async Task<ImSendResult> SendOneAsync(SendRequest request, MsgElement[] elements, CancellationToken cancellationToken)
        {
            var (seq, random) = MessageIds(request);
            var body = Fill(new SendMsgBody { ToAccount = ValidAccount(request.ChannelId, "ChannelId") }, request, elements, seq, random);
            if (request.Options.SkipCallback) body.ForbidCallbackControl = ForbidCallbacks;
            var answer = await CallAsync(SendApi, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return Sent(request, answer.GetString("MsgKey"), answer.GetUnixTime("MsgTime"));
        }

        /// <summary>-SkipCallback: neither the before- nor the after-send callback (batchsendmsg never calls back anyway).</summary>
        private static readonly string[] ForbidCallbacks = { "ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback" };

        private async Task<IEnumerable<ItemResult<ImSendResult>>> SendBatchAsync(SendRequest[] rows, MsgElement[] elements, CancellationToken cancellationToken)
        {
            var recipients = rows.Select(r => ValidAccount(r.ChannelId, "ChannelId")).Distinct(StringComparer.Ordinal).ToArray();
            var body = Fill(new BatchSendMsgBody { ToAccount = recipients }, rows[0], elements, NextSeq(), TencentRandom.Next());
            var answer = await CallAsync(BatchSendApi, body, RetrySafety.NotProcessedOnly, cancellationToken, cost: recipients.Length).ConfigureAwait(false);

            var key = answer.GetString("MsgKey");
            var time = answer.GetUnixTime("MsgTime");
            var failed = FailedRecipients(answer);
            return rows.Select(r => failed.TryGetValue(r.ChannelId, out var code) ? NotDelivered(r, code) : ItemResult<ImSendResult>.Success(r, Sent(r, key, time)));
        }

        /// <summary>ErrorList of a partly successful batch: recipient → ErrorCode (e.g. 70107, not imported).</summary>
        private static Dictionary<string, int> FailedRecipients(JsonElement answer)
        {
            var failed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (account, code) in TencentResponse.ErrorList(answer, "To_Account")) failed[account] = code;
            return failed;
        }

        private static T Fill<T>(T body, SendRequest request, MsgElement[] elements, uint seq, uint random) where T : C2CMessageBody
        {
            var options = request.Options;
            body.FromAccount = request.From == null ? null : ValidAccount(request.From, "From");
            body.MsgSeq = seq;
            body.MsgRandom = random;
            body.MsgBody = elements;
            // -NoPersist: not stored offline, delivered to online devices only; -Lifetime: kept offline that long.
            body.MsgLifeTime = !request.Persist ? 0 : options.Lifetime.HasValue ? (int)options.Lifetime.Value.TotalSeconds : (int?)null;
            body.SendMsgControl = request.RedDot ? null : new[] { "NoUnread" };
            body.SyncOtherMachine = options.NoSyncToSender ? NoSyncToSender : (int?)null;
            body.OfflinePushInfo = PushInfo(options);
            body.CloudCustomData = options.Extra;
            body.IsNeedReadReceipt = options.RequestReadReceipt ? 1 : (int?)null;
            return body;
        }

        /// <summary>OfflinePushInfo from -PushTitle, -PushText (Desc, which overrides the element's push text) and -PushData (Ext).</summary>
        private static OfflinePushInfo? PushInfo(MessageOptions options) =>
            options.PushTitle == null && options.PushText == null && options.PushData == null
                ? null
                : new OfflinePushInfo { Title = options.PushTitle, Desc = options.PushText, Ext = options.PushData };

        /// <summary>Options no Tencent send has a field for (targeted members and lines are other servers' ideas).</summary>
        private static readonly string[] NeverHonoured = { "ToUser", "Line" };

        /// <summary>
        /// Options a one-to-one send has no field for (GroupAtInfo is a group field), and those a group send has no
        /// field for (send_group_msg has no MsgLifeTime or SyncOtherMachine).
        /// </summary>
        private static readonly string[] NotOnPerson = { "Mention", "MentionAll" };

        private static readonly string[] NotOnGroup = { "Lifetime", "NoSyncToSender" };

        public override void CheckOptions(MessageOptions options)
        {
            var given = options.GivenParameters();
            if (given.Count > 0) RefuseOptions(given.Intersect(NeverHonoured));
        }

        /// <summary>Everything the server would refuse that can be known before sending: ids, lifetime, mentions, the MsgBody's fields and size.</summary>
        public override void CheckSend(SendRequest request)
        {
            if (request.ChannelType != ChannelType.Person && request.ChannelType != ChannelType.Group)
                throw new ImCapabilityException(ImProvider.TencentCloud, $"Send-ImMessage to a {request.ChannelType} channel",
                    "ImAdmin sends Tencent Cloud IM one-to-one messages (-ChannelType Person, the recipient's UserID as -ChannelId) and group messages (-ChannelType Group, the GroupId as -ChannelId).");
            base.CheckSend(request);
            var given = request.Options.GivenParameters();
            foreach (var parameter in given.Count == 0 ? given : given.Intersect(request.ChannelType == ChannelType.Group ? NotOnGroup : NotOnPerson))
                throw new ImCapabilityException(ImProvider.TencentCloud, $"-{parameter} on a {request.ChannelType} message",
                    request.ChannelType == ChannelType.Group ? "send_group_msg has no field for it." : "Mentions (GroupAtInfo) exist in group messages only.") { ParameterName = parameter };
            if (request.ChannelType == ChannelType.Person) ValidAccount(request.ChannelId, "ChannelId");
            else ValidGroupId(request.ChannelId);
            if (request.From != null) ValidAccount(request.From, "From");
            var options = request.Options;
            if (options.Lifetime.HasValue)
            {
                if (!request.Persist)
                    throw new ImInputException("Lifetime", "-Lifetime and -NoPersist contradict each other (-NoPersist is a lifetime of 0: online only). Give one of them.");
                if (options.Lifetime.Value < TimeSpan.Zero || options.Lifetime.Value.TotalSeconds > MaxLifetimeSeconds)
                    throw new ImInputException("Lifetime", $"-Lifetime {options.Lifetime.Value} is outside 0 to 7 days, the offline retention Tencent Cloud IM allows (MsgLifeTime 0 to {MaxLifetimeSeconds} seconds).");
            }
            foreach (var member in options.Mention) ValidAccount(member, "Mention");
            TencentMsgBody.Build(request.Content);
        }

        /// <summary>A GroupId: not empty, at most 48 bytes (the longest a custom id may be).</summary>
        internal static string ValidGroupId(string? groupId, string parameterName = "ChannelId")
        {
            if (string.IsNullOrWhiteSpace(groupId))
                throw new ImInputException(parameterName, $"-{parameterName} is empty; give the GroupId of the Tencent Cloud IM group.");
            if (Encoding.UTF8.GetByteCount(groupId) > MaxGroupIdBytes)
                throw new ImInputException(parameterName, $"-{parameterName} '{groupId}' is longer than {MaxGroupIdBytes} bytes, the limit of a Tencent Cloud IM GroupId.");
            return groupId!;
        }

        /// <summary>
        /// MsgSeq and MsgRandom of a single send. With -ClientMsgNo they derive from it and the recipient, so a re-run
        /// within 120 s is deduped by the server (a group's Random, 5 minutes); otherwise MsgSeq comes from the session
        /// counter and MsgRandom is random. The same pair is reused by every retry of the call.
        /// </summary>
        private (uint Seq, uint Random) MessageIds(SendRequest request)
        {
            if (request.ClientMsgNo == null) return (NextSeq(), TencentRandom.Next());
            return HashIds(request.ClientMsgNo + "\n" + request.ChannelId);
        }

        /// <summary>A MsgSeq and MsgRandom that depend only on <paramref name="key"/>, so a repeat carries the same dedupe key.</summary>
        private static (uint Seq, uint Random) HashIds(string key)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            return (BitConverter.ToUInt32(hash, 0), BitConverter.ToUInt32(hash, 4));
        }

        private uint NextSeq() => unchecked((uint)Interlocked.Increment(ref _msgSeq));

        private static ImSendResult Sent(SendRequest request, string? key, DateTimeOffset? time)
        {
            var result = request.ToResult(ImProvider.TencentCloud, succeeded: true);
            result.MessageKey = key;
            result.Timestamp = time;
            return result;
        }

        private static ItemResult<ImSendResult> NotDelivered(SendRequest request, int code)
        {
            var meaning = TencentErrorCodes.Describe(code);
            var message = $"Tencent Cloud IM did not send the message to '{request.ChannelId}': {meaning.Text} (ErrorCode {code})." +
                          (meaning.Hint == null ? string.Empty : " " + meaning.Hint);
            return ItemResult<ImSendResult>.Failure(request, new ImException(meaning.Kind, message)
            {
                Provider = ImProvider.TencentCloud,
                ServerCode = code,
                Request = "POST /v4/" + BatchSendApi,
            });
        }
    }
}
