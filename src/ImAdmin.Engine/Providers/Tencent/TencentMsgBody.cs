using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Messaging;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// A message's MsgBody, built and checked before sending. The server ignores a field it does not know (a misspelt
    /// optional field is lost without a word, a misspelt required one fails with a bare code), so every field name of a
    /// -Payload MsgBody is checked here against the element types' fields, and the error names the bad field.
    /// </summary>
    internal static class TencentMsgBody
    {
        /// <summary>The whole MsgBody may hold at most 12 KB (80002 "message too long").</summary>
        public const int MaxBytes = 12 * 1024;

        private enum Kind { String, Number, Integer, Array }

        private sealed class FieldRule
        {
            public FieldRule(Kind kind, bool required = false)
            {
                Kind = kind;
                Required = required;
            }

            public Kind Kind { get; }

            public bool Required { get; }
        }

        private static readonly FieldRule Str = new FieldRule(Kind.String);
        private static readonly FieldRule Int = new FieldRule(Kind.Integer);
        private static readonly FieldRule ReqStr = new FieldRule(Kind.String, true);
        private static readonly FieldRule ReqInt = new FieldRule(Kind.Integer, true);

        /// <summary>Every element type and its MsgContent fields, as Tencent spells them.</summary>
        private static readonly Dictionary<string, Dictionary<string, FieldRule>> Elements = new Dictionary<string, Dictionary<string, FieldRule>>(StringComparer.Ordinal)
        {
            ["TIMTextElem"] = new Dictionary<string, FieldRule> { ["Text"] = ReqStr },
            ["TIMLocationElem"] = new Dictionary<string, FieldRule> { ["Desc"] = Str, ["Latitude"] = new FieldRule(Kind.Number, true), ["Longitude"] = new FieldRule(Kind.Number, true) },
            ["TIMFaceElem"] = new Dictionary<string, FieldRule> { ["Index"] = ReqInt, ["Data"] = Str },
            ["TIMCustomElem"] = new Dictionary<string, FieldRule> { ["Data"] = Str, ["Desc"] = Str, ["Ext"] = Str, ["Sound"] = Str },
            ["TIMSoundElem"] = new Dictionary<string, FieldRule> { ["Url"] = ReqStr, ["UUID"] = Str, ["Size"] = Int, ["Second"] = ReqInt, ["Download_Flag"] = Int },
            ["TIMImageElem"] = new Dictionary<string, FieldRule> { ["UUID"] = Str, ["ImageFormat"] = ReqInt, ["ImageInfoArray"] = new FieldRule(Kind.Array, true) },
            ["TIMFileElem"] = new Dictionary<string, FieldRule> { ["Url"] = ReqStr, ["UUID"] = Str, ["FileSize"] = Int, ["FileName"] = ReqStr, ["Download_Flag"] = Int },
            ["TIMVideoFileElem"] = new Dictionary<string, FieldRule>
            {
                ["VideoUrl"] = ReqStr, ["VideoUUID"] = Str, ["VideoSize"] = Int, ["VideoSecond"] = Int, ["VideoFormat"] = Str, ["VideoDownloadFlag"] = Int,
                ["ThumbUrl"] = ReqStr, ["ThumbUUID"] = Str, ["ThumbSize"] = Int, ["ThumbWidth"] = Int, ["ThumbHeight"] = Int, ["ThumbFormat"] = Str, ["ThumbDownloadFlag"] = Int,
            },
            ["TIMRelayElem"] = new Dictionary<string, FieldRule>
            {
                ["Title"] = Str, ["MsgNum"] = ReqInt, ["CompatibleText"] = Str, ["AbstractList"] = new FieldRule(Kind.Array), ["MsgList"] = new FieldRule(Kind.Array),
            },
        };

        /// <summary>The fields of a TIMImageElem's ImageInfoArray item (note URL in capitals).</summary>
        private static readonly Dictionary<string, FieldRule> ImageInfo = new Dictionary<string, FieldRule>(StringComparer.Ordinal)
        {
            ["Type"] = ReqInt, ["Size"] = Int, ["Width"] = Int, ["Height"] = Int, ["URL"] = ReqStr,
        };

        /// <summary>The element types importmsg takes.</summary>
        private static readonly HashSet<string> ImportTypes = new HashSet<string>(StringComparer.Ordinal) { "TIMTextElem", "TIMFaceElem", "TIMLocationElem", "TIMCustomElem" };

        /// <summary>
        /// The MsgBody of <paramref name="content"/>: text is one TIMTextElem; a payload that is a MsgBody (a JSON array
        /// of elements, or one element object with MsgType) is sent as it is, after the checks; any other payload is the
        /// Data of one TIMCustomElem (UTF-8 text, e.g. JSON). Over 12 KB is refused.
        /// </summary>
        public static MsgElement[] Build(MessageContent content, bool import = false)
        {
            var elements = content.IsText
                ? new[] { new MsgElement("TIMTextElem", new TextElemContent { Text = content.Text! }) }
                : FromPayload(Utf8(content.Payload!), import);
            var size = Encoding.UTF8.GetByteCount(ImJson.Serialize(elements));
            if (size > MaxBytes)
                throw new ImInputException(content.IsText ? "Text" : "Payload",
                    $"The message is {size} bytes as a Tencent Cloud IM MsgBody, over the server's limit of {MaxBytes} bytes (12 KB); it was not sent. Shorten it or send it in parts.");
            return elements;
        }

        private static MsgElement[] FromPayload(string text, bool import)
        {
            if (!ImJson.TryParse(text, out var json) || !IsMsgBody(json))
                return new[] { new MsgElement("TIMCustomElem", new CustomElemContent { Data = text }) };
            var items = json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().ToList() : new List<JsonElement> { json };
            if (items.Count == 0) throw Bad("the MsgBody array is empty; give at least one element.");
            var result = new List<MsgElement>();
            for (var i = 0; i < items.Count; i++) result.Add(Element(items[i], $"MsgBody[{i}]", import));
            if (result.Count(e => e.MsgType == "TIMCustomElem") > 1) throw Bad("a message holds at most one TIMCustomElem.");
            return result.ToArray();
        }

        /// <summary>A JSON array, or an object with MsgType, is meant as a MsgBody.</summary>
        private static bool IsMsgBody(JsonElement json) =>
            json.ValueKind == JsonValueKind.Array || json.ValueKind == JsonValueKind.Object && json.TryGetProperty("MsgType", out _);

        private static MsgElement Element(JsonElement item, string where, bool import)
        {
            if (item.ValueKind != JsonValueKind.Object) throw Bad($"{where} is not an object {{\"MsgType\": ..., \"MsgContent\": {{...}}}}.");
            foreach (var property in item.EnumerateObject())
                if (property.Name != "MsgType" && property.Name != "MsgContent") throw UnknownField(property.Name, where, new[] { "MsgType", "MsgContent" });
            var type = item.GetString("MsgType");
            if (type == null || !Elements.TryGetValue(type, out var fields))
                throw Bad($"{where}.MsgType '{type}' is not a Tencent Cloud IM element type ({string.Join(", ", Elements.Keys)}).");
            if (import && !ImportTypes.Contains(type))
                throw Bad($"{where} is a {type}; Tencent Cloud IM importmsg takes only {string.Join(", ", ImportTypes)}.");
            if (!item.TryGetProperty("MsgContent", out var msgContent) || msgContent.ValueKind != JsonValueKind.Object)
                throw Bad($"{where} ({type}) has no MsgContent object.");
            CheckFields(msgContent, fields, $"{where}.MsgContent ({type})");
            if (type == "TIMImageElem")
            {
                var infos = msgContent.GetProperty("ImageInfoArray").EnumerateArray().ToList();
                for (var i = 0; i < infos.Count; i++)
                {
                    if (infos[i].ValueKind != JsonValueKind.Object) throw Bad($"{where}.MsgContent.ImageInfoArray[{i}] is not an object.");
                    CheckFields(infos[i], ImageInfo, $"{where}.MsgContent.ImageInfoArray[{i}]");
                }
            }
            return new MsgElement(type, msgContent.Clone());
        }

        private static void CheckFields(JsonElement obj, Dictionary<string, FieldRule> fields, string where)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (!fields.TryGetValue(property.Name, out var rule)) throw UnknownField(property.Name, where, fields.Keys);
                if (!Is(property.Value, rule.Kind)) throw Bad($"{where}.{property.Name} must be {Describe(rule.Kind)}.");
            }
            foreach (var required in fields.Where(f => f.Value.Required))
                if (!obj.TryGetProperty(required.Key, out _)) throw Bad($"{where} has no {required.Key}; it is required.");
        }

        private static ImInputException UnknownField(string name, string where, IEnumerable<string> known)
        {
            var list = known.ToList();
            var near = list.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Replace("_", ""), name.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
            return Bad($"{where}: '{name}' is not a field there" + (near == null ? string.Empty : $"; Tencent spells it '{near}'") +
                       $" (the server would ignore it without a word). Its fields: {string.Join(", ", list)}.");
        }

        private static bool Is(JsonElement value, Kind kind)
        {
            switch (kind)
            {
                case Kind.String: return value.ValueKind == JsonValueKind.String;
                case Kind.Number: return value.ValueKind == JsonValueKind.Number;
                case Kind.Integer: return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
                default: return value.ValueKind == JsonValueKind.Array;
            }
        }

        private static string Describe(Kind kind) => kind == Kind.Integer ? "an integer" : kind == Kind.Array ? "an array" : "a " + kind.ToString().ToLowerInvariant();

        private static ImInputException Bad(string problem) =>
            new ImInputException("Payload", "-Payload is not a valid Tencent Cloud IM MsgBody: " + problem);

        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        private static string Utf8(byte[] payload)
        {
            try
            {
                return StrictUtf8.GetString(payload);
            }
            catch (DecoderFallbackException)
            {
                throw new ImInputException("Payload",
                    "Tencent Cloud IM takes a payload as JSON text (a MsgBody, or the Data of a TIMCustomElem), so -Payload must be UTF-8 text. Encode binary data yourself, e.g. as Base64.");
            }
        }
    }
}
