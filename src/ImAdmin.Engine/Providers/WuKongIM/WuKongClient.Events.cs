using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Message events (see docs/server-behaviour/wukongim.md, 'Message events'): v2.2.4+ has POST /message/event; v2.2.1–2.2.3 only POST /event with an older body; earlier
    /// releases have neither. The server version is read from /varz once per session. (The SDK posts /event with a
    /// connection body, which fails on every version.)
    /// </summary>
    public sealed partial class WuKongClient
    {
        private readonly object _versionGate = new object();
        private Task<string?>? _serverVersion;

        public async Task<ImEventResult> SendEventAsync(MessageEventRequest request, CancellationToken cancellationToken)
        {
            var type = WuKongChannels.TypeOf(request.ChannelType);
            var text = await GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
            var version = WuKongServerVersion.Parse(text);
            if (version == null || version < WuKongServerVersion.LegacyEventApi)
                throw new ImException(ImErrorKind.NotSupported,
                    $"Send-ImEvent needs WuKongIM v2.2.1 or later (POST /event, or POST /message/event since v2.2.4); this server reports version '{text ?? "(none)"}'.")
                {
                    Provider = ImProvider.WuKongIM,
                };
            return version >= WuKongServerVersion.MessageEventApi
                ? await SendMessageEventAsync(request, type, cancellationToken).ConfigureAwait(false)
                : await SendLegacyEventAsync(request, type, text!, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The /varz version, read once and kept (a failed read is tried again next time).</summary>
        internal Task<string?> GetServerVersionAsync(CancellationToken ct)
        {
            lock (_versionGate)
            {
                if (_serverVersion == null || _serverVersion.IsFaulted || _serverVersion.IsCanceled)
                    _serverVersion = ReadVersionAsync(ct);
                return _serverVersion;
            }
        }

        private void RememberServerVersion(string? version)
        {
            lock (_versionGate) _serverVersion = Task.FromResult(version);
        }

        private async Task<string?> ReadVersionAsync(CancellationToken ct) => (await GetServerInfoAsync(ct).ConfigureAwait(false)).ServerVersion;

        private async Task<ImEventResult> SendMessageEventAsync(MessageEventRequest request, int type, CancellationToken ct)
        {
            var body = new MessageEventBody
            {
                ChannelId = request.ChannelId,
                ChannelType = type,
                ClientMsgNo = request.ClientMsgNo,
                EventId = request.EventId ?? Guid.NewGuid().ToString("N"),
                EventType = request.EventType,
                FromUid = string.IsNullOrEmpty(request.From) ? null : request.From,
                Payload = request.Data == null ? (JsonElement?)null : ImJson.TryParse(request.Data, out var json) ? json : JsonSerializer.SerializeToElement(request.Data, ImJson.Options),
            };
            // No documented dedupe of event ids: a delta must not be applied twice, so it is not re-sent once it may have landed.
            var answer = await PostJsonAsync("/message/event", body, ct, RetrySafety.NotProcessedOnly).ConfigureAwait(false);
            var data = WuKongResponse.Data<MessageEventData>(answer);
            return new ImEventResult
            {
                Provider = ImProvider.WuKongIM,
                ChannelId = request.ChannelId,
                ChannelType = request.ChannelType,
                ClientMsgNo = request.ClientMsgNo,
                EventId = data?.EventId ?? body.EventId,
                EventType = request.EventType,
                EventKey = data?.EventKey,
                EventSequence = data?.MsgEventSeq,
                StreamStatus = data?.StreamStatus,
                From = string.IsNullOrEmpty(data?.FromUid) ? request.From : data!.FromUid,
                Api = "/message/event",
            };
        }

        private async Task<ImEventResult> SendLegacyEventAsync(MessageEventRequest request, int type, string version, CancellationToken ct)
        {
            var body = new LegacyEventBody
            {
                ClientMsgNo = request.ClientMsgNo,
                ChannelId = request.ChannelId,
                ChannelType = type,
                FromUid = request.From ?? string.Empty,
                Event = new LegacyEvent
                {
                    Type = request.EventType,
                    Id = request.EventId,
                    Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    Data = request.Data ?? string.Empty,
                },
            };
            await PostJsonAsync("/event?force=0", body, ct, RetrySafety.NotProcessedOnly).ConfigureAwait(false);
            ImLog.Verbose($"WuKongIM {version} predates /message/event; the event went through POST /event.");
            return new ImEventResult
            {
                Provider = ImProvider.WuKongIM,
                ChannelId = request.ChannelId,
                ChannelType = request.ChannelType,
                ClientMsgNo = request.ClientMsgNo,
                EventId = request.EventId,
                EventType = request.EventType,
                From = request.From,
                Api = "/event",
            };
        }

        private sealed class MessageEventBody
        {
            [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
            [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
            [JsonPropertyName("client_msg_no")] public string ClientMsgNo { get; set; } = string.Empty;
            [JsonPropertyName("event_id")] public string EventId { get; set; } = string.Empty;
            [JsonPropertyName("event_type")] public string EventType { get; set; } = string.Empty;
            [JsonPropertyName("from_uid")] public string? FromUid { get; set; }
            [JsonPropertyName("payload")] public JsonElement? Payload { get; set; }
        }

        private sealed class MessageEventData
        {
            [JsonPropertyName("event_key")] public string? EventKey { get; set; }
            [JsonPropertyName("event_id")] public string? EventId { get; set; }
            [JsonPropertyName("msg_event_seq")] public long? MsgEventSeq { get; set; }
            [JsonPropertyName("stream_status")] public string? StreamStatus { get; set; }
            [JsonPropertyName("from_uid")] public string? FromUid { get; set; }
        }

        private sealed class LegacyEventBody
        {
            [JsonPropertyName("client_msg_no")] public string ClientMsgNo { get; set; } = string.Empty;
            [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
            [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
            [JsonPropertyName("from_uid")] public string FromUid { get; set; } = string.Empty;
            [JsonPropertyName("event")] public LegacyEvent Event { get; set; } = new LegacyEvent();
        }

        private sealed class LegacyEvent
        {
            [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;
            [JsonPropertyName("id")] public string? Id { get; set; }
            [JsonPropertyName("timestamp")] public long Timestamp { get; set; }
            [JsonPropertyName("data")] public string Data { get; set; } = string.Empty;
        }
    }
}
