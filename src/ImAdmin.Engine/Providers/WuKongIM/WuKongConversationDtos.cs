using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    internal sealed class WuKongConversationSyncBody
    {
        [JsonPropertyName("uid")] public string Uid { get; set; } = string.Empty;
        [JsonPropertyName("version")] public long Version { get; set; }
        [JsonPropertyName("last_msg_seqs")] public string? LastMsgSeqs { get; set; }
        [JsonPropertyName("msg_count")] public int MsgCount { get; set; }
        [JsonPropertyName("only_unread")] public int OnlyUnread { get; set; }
        [JsonPropertyName("exclude_channel_types")] public List<int>? ExcludeChannelTypes { get; set; }
        [JsonPropertyName("page")] public int Page { get; set; }
        [JsonPropertyName("page_size")] public int PageSize { get; set; }
    }

    internal sealed class WuKongSyncByChannelsBody
    {
        [JsonPropertyName("uid")] public string Uid { get; set; } = string.Empty;
        [JsonPropertyName("channels")] public List<WuKongChannelRef> Channels { get; set; } = new List<WuKongChannelRef>();
        [JsonPropertyName("msg_count")] public int MsgCount { get; set; }
    }

    internal sealed class WuKongChannelRef
    {
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
    }

    /// <summary>The body of clearUnread, setUnread and delete.</summary>
    internal sealed class WuKongConversationBody
    {
        [JsonPropertyName("uid")] public string Uid { get; set; } = string.Empty;
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("unread")] public int? Unread { get; set; }
    }

    internal sealed class WuKongConversationDto
    {
        [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("unread")] public int Unread { get; set; }
        [JsonPropertyName("timestamp")] public long Timestamp { get; set; }
        [JsonPropertyName("last_msg_seq")] public long LastMsgSeq { get; set; }
        [JsonPropertyName("last_client_msg_no")] public string? LastClientMsgNo { get; set; }
        [JsonPropertyName("readed_to_msg_seq")] public long ReadedToMsgSeq { get; set; }
        [JsonPropertyName("version")] public long Version { get; set; }
        [JsonPropertyName("recents")] public List<WuKongMessageDto>? Recents { get; set; }

        public ImConversation ToModel(string userId) => new ImConversation
        {
            Provider = ImProvider.WuKongIM,
            UserId = userId,
            ChannelId = ChannelId ?? string.Empty,
            ChannelType = (ChannelType)ChannelType,
            Unread = Unread,
            LastMessageSequence = LastMsgSeq,
            ReadToSequence = ReadedToMsgSeq,
            LastClientMsgNo = string.IsNullOrEmpty(LastClientMsgNo) ? null : LastClientMsgNo,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(Timestamp),
            Version = Version,
            Recents = (Recents ?? new List<WuKongMessageDto>()).Select(m => m.ToModel()).ToArray(),
        };
    }
}
