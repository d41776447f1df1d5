using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Message events (see docs/server-behaviour/wukongim.md, 'Message events'): v2.2.4+ numbers each event per (channel, client_msg_no, event_key) and keeps a repeated
/// event_id idempotent; v2.2.1–2.2.3 ran at most one AG-UI text stream per channel.
/// </summary>
public sealed partial class WuKongState
{
    public const string DefaultEventKey = "default";
    public const string StreamFinish = "stream.finish";

    private readonly Dictionary<(string ChannelId, int Type, string ClientMsgNo, string EventKey), EventStream> _eventStreams = new();
    private readonly Dictionary<(string ChannelId, int Type), string> _legacyStreams = new();

    /// <summary>One event as stored.</summary>
    public sealed record StoredEvent(string EventId, string EventType, long Seq, JsonElement? Payload, string From);

    public sealed class EventStream
    {
        public List<StoredEvent> Events { get; } = [];
        public bool Finished { get; set; }
        public string From { get; set; } = "";
    }

    /// <summary>The v2.2.4+ answer's data.</summary>
    public sealed record EventOutcome(string EventKey, long Seq, string StreamStatus, string From);

    public EventOutcome AppendEvent(string channelId, int channelType, string clientMsgNo, string eventKey, string eventId, string eventType,
        string from, JsonElement? payload)
    {
        eventKey = eventKey.Length == 0 ? DefaultEventKey : eventKey;
        lock (Gate)
        {
            var key = (channelId, channelType, clientMsgNo, eventKey);
            if (!_eventStreams.TryGetValue(key, out var stream)) _eventStreams[key] = stream = new EventStream { From = from };
            var existing = stream.Events.FirstOrDefault(e => e.EventId == eventId);
            if (existing == null)
            {
                existing = new StoredEvent(eventId, eventType, stream.Events.Count + 1, payload, from.Length > 0 ? from : stream.From);
                stream.Events.Add(existing);
                if (eventType == StreamFinish) stream.Finished = true;
            }
            return new EventOutcome(eventKey, existing.Seq, stream.Finished ? "closed" : "open", existing.From);
        }
    }

    /// <summary>The events stored for one message (tests look at what arrived).</summary>
    public IReadOnlyList<StoredEvent> EventsOf(string channelId, int channelType, string clientMsgNo, string eventKey = DefaultEventKey)
    {
        lock (Gate)
            return _eventStreams.TryGetValue((channelId, channelType, clientMsgNo, eventKey), out var s) ? s.Events.ToList() : [];
    }

    /// <summary>
    /// v2.2.1–2.2.3 POST /event: ___TextMessageStart opens the channel's stream (a second one needs force=1),
    /// ___TextMessageEnd closes it; any other type is a custom event kept with the message's events.
    /// </summary>
    public void LegacyEvent(string channelId, int channelType, string clientMsgNo, string from, string type, string id, string data, bool force)
    {
        lock (Gate)
        {
            var channel = (channelId, channelType);
            switch (type)
            {
                case "___TextMessageStart":
                    if (_legacyStreams.ContainsKey(channel) && !force) throw new WuKongBadRequest("频道中已有流正在运行！");
                    _legacyStreams[channel] = clientMsgNo;
                    break;
                case "___TextMessageEnd":
                    _legacyStreams.Remove(channel);
                    break;
            }
            var key = (channelId, channelType, clientMsgNo, DefaultEventKey);
            if (!_eventStreams.TryGetValue(key, out var stream)) _eventStreams[key] = stream = new EventStream { From = from };
            stream.Events.Add(new StoredEvent(id, type, stream.Events.Count + 1, JsonSerializer.SerializeToElement(data), from));
        }
    }
}
