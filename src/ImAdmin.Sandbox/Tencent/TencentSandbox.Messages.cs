using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>openim/sendmsg and openim/batchsendmsg (see docs/server-behaviour/tencent.md, 'Sending').</summary>
public sealed partial class TencentSandbox
{
    private const int MaxBatchRecipients = 500;
    private const int MaxLifeTime = 604800;

    private static readonly HashSet<string> ElementTypes = new(StringComparer.Ordinal)
    {
        "TIMTextElem", "TIMLocationElem", "TIMFaceElem", "TIMCustomElem", "TIMSoundElem", "TIMImageElem", "TIMFileElem", "TIMVideoFileElem",
    };

    private static readonly HashSet<string> SendControls = new(StringComparer.Ordinal) { "NoUnread", "NoLastMsg", "WithMuteNotifications" };

    private void MapMessages()
    {
        _apis["openim/sendmsg"] = call =>
        {
            var message = ReadMessage(call, "openim/sendmsg");
            if (!call.Body.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.String)
                throw new TencentApiException(90003, "To_Account is missing or not a string");
            if (!State.Exists(to.GetString()!)) throw new TencentApiException(90012, "To_Account is not registered");
            var stored = State.StoreDeduped(message with { To = to.GetString()! }, options.Now());
            return TencentEnvelope.Ok(("MsgTime", stored.MsgTime), ("MsgKey", stored.MsgKey));
        };

        _apis["openim/batchsendmsg"] = call =>
        {
            var message = ReadMessage(call, "openim/batchsendmsg");
            if (!call.Body.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.Array)
                throw new TencentApiException(90003, "To_Account must be an array of UserIDs");
            var recipients = to.EnumerateArray().ToList();
            if (recipients.Count is 0 or > MaxBatchRecipients)
                throw new TencentApiException(90011, $"To_Account must hold 1 to {MaxBatchRecipients} UserIDs");
            if (!Limits.TryRecipients(recipients.Count))
                throw new TencentApiException(60007, $"batchsendmsg allows {options.TencentBatchRecipientsPerMinute} recipients per minute");

            var errors = new List<Dictionary<string, object>>();
            foreach (var recipient in recipients)
            {
                var id = recipient.ValueKind == JsonValueKind.String ? recipient.GetString()! : recipient.ToString();
                if (recipient.ValueKind == JsonValueKind.String && State.Exists(id)) State.Store(message with { To = id });
                else errors.Add(new Dictionary<string, object> { ["To_Account"] = id, ["ErrorCode"] = 70107 });
            }
            // Partial failure is OK with an ErrorList; when nobody got the message the whole call fails.
            if (errors.Count == recipients.Count)
                return TencentEnvelope.Fail(90012, "no recipient of To_Account is registered", ("ErrorList", errors));
            return errors.Count == 0
                ? TencentEnvelope.Ok(("MsgKey", message.MsgKey))
                : TencentEnvelope.Ok(("MsgKey", message.MsgKey), ("ErrorList", errors));
        };
    }

    /// <summary>The fields sendmsg and batchsendmsg share, validated; the recipient is filled in by the caller.</summary>
    private TencentStoredMessage ReadMessage(TencentCall call, string api)
    {
        var body = call.Body;
        var from = call.Identifier;
        if (body.TryGetProperty("From_Account", out var fromField))
        {
            if (fromField.ValueKind != JsonValueKind.String) throw new TencentApiException(60015, "From_Account must be a string");
            from = fromField.GetString()!;
            if (!State.Exists(from)) throw new TencentApiException(20003, "the sender From_Account is invalid or not imported");
        }
        if (!body.TryGetProperty("MsgRandom", out var randomField) || !randomField.TryGetUInt32(out var random))
            throw new TencentApiException(90005, "MsgRandom is missing or not an unsigned 32-bit integer");
        var seq = (uint)Random.Shared.NextInt64(0, uint.MaxValue + 1L);
        if (body.TryGetProperty("MsgSeq", out var seqField) && !seqField.TryGetUInt32(out seq))
            throw new TencentApiException(90001, "MsgSeq must be an unsigned 32-bit integer");

        int? lifeTime = null;
        if (body.TryGetProperty("MsgLifeTime", out var lifeField))
        {
            if (!lifeField.TryGetInt32(out var life)) throw new TencentApiException(90044, "MsgLifeTime is not an integer");
            if (life is < 0 or > MaxLifeTime) throw new TencentApiException(90026, "MsgLifeTime must be between 0 and 604800 seconds (7 days)");
            lifeTime = life;
        }

        var controls = Array.Empty<string>();
        if (body.TryGetProperty("SendMsgControl", out var controlField))
        {
            if (controlField.ValueKind != JsonValueKind.Array || controlField.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || !SendControls.Contains(c.GetString()!)))
                throw new TencentApiException(90001, "SendMsgControl must be an array of NoUnread, NoLastMsg, WithMuteNotifications");
            controls = controlField.EnumerateArray().Select(c => c.GetString()!).ToArray();
        }

        return new TencentStoredMessage(api, from, "", seq, random, options.Now().ToUnixTimeSeconds(), ReadMsgBody(body), lifeTime, controls);
    }

    private static JsonElement ReadMsgBody(JsonElement body)
    {
        if (!body.TryGetProperty("MsgBody", out var msgBody) || msgBody.ValueKind != JsonValueKind.Array)
            throw new TencentApiException(90007, "MsgBody is missing or not an array");
        if (msgBody.GetArrayLength() == 0) throw new TencentApiException(90002, "MsgBody has no element");
        foreach (var element in msgBody.EnumerateArray())
        {
            var valid = element.ValueKind == JsonValueKind.Object &&
                        element.TryGetProperty("MsgType", out var type) && type.ValueKind == JsonValueKind.String && ElementTypes.Contains(type.GetString()!) &&
                        element.TryGetProperty("MsgContent", out var content) && content.ValueKind == JsonValueKind.Object &&
                        (type.GetString() != "TIMTextElem" || content.TryGetProperty("Text", out var text) && text.ValueKind == JsonValueKind.String) &&
                        (type.GetString() != "TIMCustomElem" || !content.TryGetProperty("Data", out var data) || data.ValueKind == JsonValueKind.String);
            if (!valid) throw new TencentApiException(90010, "a MsgBody element is malformed (MsgType, MsgContent)");
        }
        return msgBody.Clone();
    }
}
