using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// User message search (see docs/server-behaviour/wukongim.md, 'Message search') through the generic plugin proxy: it only works when the wk.plugin.search plugin is
    /// installed and running, so "plugin not found" becomes one clear NotSupported error.
    /// </summary>
    public sealed partial class WuKongClient
    {
        public const string SearchPluginName = "wk.plugin.search";

        private const string SearchPath = "/plugins/" + SearchPluginName + "/usersearch";

        /// <summary>Pages of results, fetched lazily (page/limit), until the plugin's total is reached.</summary>
        public IAsyncEnumerable<MessageSearchPage> SearchMessagesAsync(MessageSearchQuery query, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(query.UserId)) throw new ImInputException("UserId", "Search-ImMessage needs -UserId: the plugin searches one user's conversations.");
            if (query.PageSize < 1) throw new ImInputException("PageSize", "PageSize must be 1 or more.");
            if (query.StartTime > query.EndTime) throw new ImInputException("EndTime", "EndTime is before StartTime.");
            var body = new WuKongSearchBody
            {
                Uid = query.UserId,
                Payload = string.IsNullOrEmpty(query.Keyword) ? null : new Dictionary<string, string> { ["content"] = query.Keyword! },
                PayloadTypes = query.PayloadTypes is { Count: > 0 } types ? types : null,
                FromUid = string.IsNullOrEmpty(query.From) ? null : query.From,
                ChannelId = string.IsNullOrEmpty(query.ChannelId) ? null : query.ChannelId,
                ChannelType = query.ChannelType.HasValue ? WuKongChannels.TypeOf(query.ChannelType.Value) : (int?)null,
                StartTime = query.StartTime?.ToUnixTimeSeconds(),
                EndTime = query.EndTime?.ToUnixTimeSeconds(),
                Limit = query.PageSize,
            };
            return PagesAsync(body, cancellationToken);
        }

        private async IAsyncEnumerable<MessageSearchPage> PagesAsync(WuKongSearchBody body, [EnumeratorCancellation] CancellationToken ct)
        {
            for (var page = 1; ; page++)
            {
                body.Page = page;
                JsonElement json;
                try
                {
                    json = await PostJsonAsync(SearchPath, body, ct).ConfigureAwait(false);
                }
                catch (ImException ex) when (ex.Kind == ImErrorKind.NotSupported && ex.ServerCode == 404)
                {
                    throw WuKongResponse.Restate(ex, ImErrorKind.NotSupported,
                        $"Message search needs the WuKongIM plugin {SearchPluginName}, which is not installed on this server (it answered \"{ex.ServerMessage}\"). Install and start the plugin, then search again.");
                }
                var answer = json.Deserialize<WuKongSearchAnswer>(ImJson.Options) ?? new WuKongSearchAnswer();
                var messages = (answer.Messages ?? new List<WuKongMessageDto>()).Select(m => m.ToModel()).ToList();
                yield return new MessageSearchPage(answer.Total, messages);
                if (messages.Count < body.Limit || page * body.Limit >= answer.Total) yield break;
            }
        }

        private sealed class WuKongSearchBody
        {
            [JsonPropertyName("uid")] public string Uid { get; set; } = string.Empty;
            [JsonPropertyName("payload")] public Dictionary<string, string>? Payload { get; set; }
            [JsonPropertyName("payload_types")] public IReadOnlyList<int>? PayloadTypes { get; set; }
            [JsonPropertyName("from_uid")] public string? FromUid { get; set; }
            [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
            [JsonPropertyName("channel_type")] public int? ChannelType { get; set; }
            [JsonPropertyName("start_time")] public long? StartTime { get; set; }
            [JsonPropertyName("end_time")] public long? EndTime { get; set; }
            [JsonPropertyName("limit")] public int Limit { get; set; }
            [JsonPropertyName("page")] public int Page { get; set; }
        }

        private sealed class WuKongSearchAnswer
        {
            [JsonPropertyName("total")] public int Total { get; set; }
            [JsonPropertyName("messages")] public List<WuKongMessageDto>? Messages { get; set; }
        }
    }
}
