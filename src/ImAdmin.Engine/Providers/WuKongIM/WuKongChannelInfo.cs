using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// GET /cluster/channels answer (see docs/server-behaviour/wukongim.md, 'Channels'): <c>{total, more, data}</c>. Asked for one channel, it holds
    /// one entry, whose <c>channel_id</c> is empty when the channel does not exist.
    /// </summary>
    internal sealed class WuKongChannelSearch
    {
        [JsonPropertyName("data")] public List<WuKongChannelInfo>? Data { get; set; }
    }

    /// <summary>One channel of the cluster search. Times are Unix nanoseconds; 0 means never.</summary>
    internal sealed class WuKongChannelInfo
    {
        [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("ban")] public int Ban { get; set; }
        [JsonPropertyName("disband")] public int Disband { get; set; }
        [JsonPropertyName("subscriber_count")] public int SubscriberCount { get; set; }
        [JsonPropertyName("allowlist_count")] public int AllowlistCount { get; set; }
        [JsonPropertyName("denylist_count")] public int DenylistCount { get; set; }
        [JsonPropertyName("last_msg_seq")] public long LastMsgSeq { get; set; }
        [JsonPropertyName("last_msg_time")] public long LastMsgTime { get; set; }
        [JsonPropertyName("created_at")] public long CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public long UpdatedAt { get; set; }
    }
}
