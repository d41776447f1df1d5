using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>The wk.plugin.search plugin's user search (see docs/server-behaviour/wukongim.md, 'Message search') over stored JSON payloads, newest first.</summary>
public sealed partial class WuKongState
{
    /// <summary>What a search asks; <see cref="Payload"/> maps payload fields to text they must contain (case-insensitive).</summary>
    public sealed record SearchQuery(string Uid, IReadOnlyDictionary<string, string> Payload, IReadOnlyCollection<int> PayloadTypes,
        string FromUid, string ChannelId, int ChannelType, long StartTime, long EndTime);

    /// <summary>A hit: the message, its payload as a JSON object, and the channel id as the searching user sees it.</summary>
    public sealed record SearchHit(StoredMessage Message, JsonElement Payload, string ChannelId);

    /// <summary>Messages of the user's conversations whose payload is a JSON object matching every filter.</summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery q)
    {
        lock (Gate)
        {
            var hits = new List<SearchHit>();
            foreach (var channel in ChannelsOf(q.Uid).Distinct())
            {
                if (channel.IsCmd || !_channels.TryGetValue(channel, out var log)) continue;
                var channelId = ChannelIdFor(q.Uid, channel, log);
                if (q.ChannelType != 0 && channel.Type != q.ChannelType) continue;
                if (q.ChannelId.Length > 0 && channelId != q.ChannelId) continue;
                foreach (var message in log.Messages)
                {
                    if (q.FromUid.Length > 0 && message.From != q.FromUid) continue;
                    if (q.StartTime > 0 && message.Timestamp < q.StartTime) continue;
                    if (q.EndTime > 0 && message.Timestamp > q.EndTime) continue;
                    if (TryParseObject(message.Payload) is not { } payload || !Matches(payload, q)) continue;
                    hits.Add(new SearchHit(message, payload, channelId));
                }
            }
            return hits.OrderByDescending(h => h.Message.Timestamp).ThenByDescending(h => h.Message.Id).ToList();
        }
    }

    private static bool Matches(JsonElement payload, SearchQuery q)
    {
        if (q.PayloadTypes.Count > 0 &&
            !(payload.TryGetProperty("type", out var type) && type.TryGetInt32(out var t) && q.PayloadTypes.Contains(t)))
            return false;
        foreach (var (field, text) in q.Payload)
        {
            if (!payload.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String ||
                value.GetString()!.IndexOf(text, StringComparison.OrdinalIgnoreCase) < 0)
                return false;
        }
        return true;
    }

    private static JsonElement? TryParseObject(byte[] payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(payload));
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
