using System.Collections.Generic;
using System.Text.Json.Serialization;
using ImAdmin.Engine.Channels;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// POST /channel and /channel/info (see docs/server-behaviour/wukongim.md, 'Channels'). Every flag is written, always: the server overwrites
    /// the whole record, so an omitted flag would be stored as 0 anyway. <c>large</c> is left out on purpose: it
    /// cannot be read back and v2 stores it without acting on it.
    /// </summary>
    internal sealed class WuKongChannelBody
    {
        public WuKongChannelBody(ChannelState state)
        {
            ChannelId = state.ChannelId;
            ChannelType = (int)state.ChannelType;
            Ban = state.Ban ? 1 : 0;
            SendBan = state.SendBan ? 1 : 0;
            AllowStranger = state.AllowStranger ? 1 : 0;
            Disband = state.Disband ? 1 : 0;
        }

        [JsonPropertyName("channel_id")] public string ChannelId { get; }
        [JsonPropertyName("channel_type")] public int ChannelType { get; }
        [JsonPropertyName("ban")] public int Ban { get; }
        [JsonPropertyName("send_ban")] public int SendBan { get; }
        [JsonPropertyName("allow_stranger")] public int AllowStranger { get; }
        [JsonPropertyName("disband")] public int Disband { get; }

        /// <summary>POST /channel only; null leaves the field out.</summary>
        [JsonPropertyName("subscribers")] public IReadOnlyList<string>? Subscribers { get; set; }
    }

    /// <summary>
    /// POST /channel/subscriber_remove: the list is called <c>subscribers</c> here. Only the fields this route reads:
    /// the server ignores unknown fields silently, so a shared body would hide a field sent to the wrong route.
    /// </summary>
    internal class WuKongSubscriberBody
    {
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("subscribers")] public IReadOnlyList<string> Subscribers { get; set; } = new string[0];
    }

    /// <summary>POST /channel/subscriber_add: the remove body plus the two flags only this route reads.</summary>
    internal sealed class WuKongSubscriberAddBody : WuKongSubscriberBody
    {
        /// <summary>1 = drop every current subscriber first.</summary>
        [JsonPropertyName("reset")] public int Reset { get; set; }

        /// <summary>1 = temporary subscribers; v2 servers refuse it with a 400.</summary>
        [JsonPropertyName("temp_subscriber")] public int TempSubscriber { get; set; }
    }

    /// <summary>POST /channel/blacklist_* and whitelist_*: the list is called <c>uids</c> here.</summary>
    internal sealed class WuKongUidListBody
    {
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
        [JsonPropertyName("uids")] public IReadOnlyList<string> Uids { get; set; } = new string[0];
    }

    /// <summary>POST /channel/delete.</summary>
    internal sealed class WuKongChannelReference
    {
        [JsonPropertyName("channel_id")] public string ChannelId { get; set; } = string.Empty;
        [JsonPropertyName("channel_type")] public int ChannelType { get; set; }
    }
}
