using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>openim/sendmsg and openim/batchsendmsg (see docs/server-behaviour/tencent.md, 'Sending').</summary>
public sealed partial class TencentSandbox
{
    private const int MaxBatchRecipients = 500;
    private const int MaxLifeTime = 604800;

    private static readonly HashSet<string> SendControls = new(StringComparer.Ordinal) { "NoUnread", "NoLastMsg", "WithMuteNotifications" };

    private static readonly HashSet<string> CallbackControls = new(StringComparer.Ordinal) { "ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback" };

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
        if (!body.TryGetProperty("MsgRandom", out var randomField) || !randomField.TryUInt32(out var random))
            throw new TencentApiException(90005, "MsgRandom is missing or not an unsigned 32-bit integer");
        var seq = (uint)Random.Shared.NextInt64(0, uint.MaxValue + 1L);
        if (body.TryGetProperty("MsgSeq", out var seqField) && !seqField.TryUInt32(out seq))
            throw new TencentApiException(90001, "MsgSeq must be an unsigned 32-bit integer");

        int? lifeTime = null;
        if (body.TryGetProperty("MsgLifeTime", out var lifeField))
        {
            if (!lifeField.TryInt32(out var life)) throw new TencentApiException(90044, "MsgLifeTime is not an integer");
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

        int? sync = null;
        if (body.TryGetProperty("SyncOtherMachine", out var syncField))
        {
            if (!syncField.TryInt32(out var value) || value is not (1 or 2)) throw new TencentApiException(90031, "SyncOtherMachine must be the integer 1 or 2");
            sync = value;
        }
        JsonElement? push = null;
        if (body.TryGetProperty("OfflinePushInfo", out var pushField))
        {
            if (pushField.ValueKind != JsonValueKind.Object ||
                pushField.TryGetProperty("PushFlag", out var flag) && (!flag.TryInt32(out var f) || f is not (0 or 1)) ||
                new[] { "Title", "Desc", "Ext" }.Any(n => pushField.TryGetProperty(n, out var v) && v.ValueKind != JsonValueKind.String))
                throw new TencentApiException(90043, "OfflinePushInfo is malformed (an object with PushFlag 0/1 and string Title, Desc, Ext)");
            push = pushField.Clone();
        }
        // batchsendmsg never calls back and has no ForbidCallbackControl: there the field is unknown and ignored.
        var forbid = Array.Empty<string>();
        if (api == "openim/sendmsg" && body.TryGetProperty("ForbidCallbackControl", out var forbidField))
        {
            if (forbidField.ValueKind != JsonValueKind.Array || forbidField.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || !CallbackControls.Contains(c.GetString()!)))
                throw new TencentApiException(90001, "ForbidCallbackControl must be an array of ForbidBeforeSendMsgCallback, ForbidAfterSendMsgCallback");
            forbid = forbidField.EnumerateArray().Select(c => c.GetString()!).ToArray();
        }

        return new TencentStoredMessage(api, from, "", seq, random, options.Now().ToUnixTimeSeconds(), ReadMsgBody(body), lifeTime, controls)
        {
            CloudCustomData = OptionalString(body, "CloudCustomData", 90001),
            SyncOtherMachine = sync,
            OfflinePushInfo = push,
            ForbidCallbackControl = forbid,
            NeedReadReceipt = Flag(body, "IsNeedReadReceipt", 90001),
        };
    }

    /// <summary>An optional string field; another JSON type is <paramref name="code"/>.</summary>
    private static string? OptionalString(JsonElement body, string name, int code)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new TencentApiException(code, $"{name} must be a string");
    }

    /// <summary>An optional 0/1 field; another value is <paramref name="code"/>.</summary>
    private static bool Flag(JsonElement body, string name, int code)
    {
        if (!body.TryGetProperty(name, out var value)) return false;
        return value.TryInt32(out var flag) && flag is 0 or 1 ? flag == 1 : throw new TencentApiException(code, $"{name} must be 0 or 1");
    }
}
