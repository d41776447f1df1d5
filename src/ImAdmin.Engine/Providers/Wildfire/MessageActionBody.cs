using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>The body of recall, delete and their multicast/broadcast variants: {operator?, messageUid, receivers?}.</summary>
    internal sealed class MessageActionBody
    {
        public MessageActionBody(string? operatorId, long messageUid, IReadOnlyList<string>? receivers)
        {
            Operator = operatorId;
            MessageUid = messageUid;
            Receivers = receivers;
        }

        [JsonPropertyName("operator")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Operator { get; }

        [JsonPropertyName("messageUid")]
        public long MessageUid { get; }

        [JsonPropertyName("receivers")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? Receivers { get; }
    }
}
