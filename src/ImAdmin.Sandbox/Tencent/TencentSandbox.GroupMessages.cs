using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// Group messages: send_group_msg (Random deduped for 5 minutes; GroupAtInfo, OfflinePushInfo, NeedReadReceipt,
/// ForbidCallbackControl, CloudCustomData; To_Account ≤ 50), group_msg_recall by MsgSeq (≤ 10 a call, RetCode per
/// item: 0 recalled, 10030 no such message — also the sandbox's answer for one recalled before, whose code is
/// undocumented) and group_msg_get_simple (≤ 20 a call, newest first, recalled messages only with WithRecalledMsg 1
/// as IsPlaceMsg 2). No history on an AVChatRoom.
/// </summary>
public sealed partial class TencentSandbox
{
    private const int MaxTargetedMembers = 50;
    private const int MaxRecallSeqs = 10;
    private const int MaxGroupHistory = 20;
    private const int NoSuchGroupMessage = 10030;

    private void MapGroupMessages()
    {
        _apis["group_open_http_svc/send_group_msg"] = call =>
        {
            var body = call.Body;
            var groupId = GroupString(body, "GroupId") ?? throw new TencentApiException(10004, "GroupId is missing or not a string");
            if (!body.TryGetProperty("Random", out var randomField) || !randomField.TryUInt32(out var random))
                throw new TencentApiException(10004, "Random is missing or not an unsigned 32-bit integer");
            var from = GroupString(body, "From_Account") ?? call.Identifier;
            if (!State.Exists(from)) throw new TencentApiException(10019, "From_Account is not imported");
            if (body.TryGetProperty("To_Account", out var targeted) && (targeted.ValueKind != JsonValueKind.Array || targeted.GetArrayLength() > MaxTargetedMembers))
                throw new TencentApiException(10004, $"To_Account must be an array of at most {MaxTargetedMembers} members");
            var message = new TencentGroupMessage(groupId, from, 0, random, options.Now().ToUnixTimeSeconds(), ReadMsgBody(body, badCode: 10004))
            {
                CloudCustomData = GroupOptional(body, "CloudCustomData", JsonValueKind.String)?.GetString(),
                GroupAtInfo = ReadGroupAtInfo(body),
                OfflinePushInfo = GroupOptional(body, "OfflinePushInfo", JsonValueKind.Object),
                ForbidCallbackControl = GroupOptional(body, "ForbidCallbackControl", JsonValueKind.Array)?.EnumerateArray()
                    .Select(c => c.ValueKind == JsonValueKind.String && CallbackControls.Contains(c.GetString()!) ? c.GetString()! : throw new TencentApiException(10004, "ForbidCallbackControl holds an unknown value"))
                    .ToArray() ?? [],
                NeedReadReceipt = Flag(body, "NeedReadReceipt", 10004),
            };
            var stored = State.SendToGroup(groupId, message, options.Now())
                         ?? throw new TencentApiException(GroupNotFound, $"group '{groupId}' does not exist or has been dissolved");
            return TencentEnvelope.Ok(("MsgTime", stored.MsgTime), ("MsgSeq", stored.MsgSeq));
        };

        _apis["group_open_http_svc/group_msg_recall"] = call =>
        {
            var group = ExistingGroup(call.Body);
            if (!call.Body.TryGetProperty("MsgSeqList", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxRecallSeqs)
                throw new TencentApiException(10004, $"MsgSeqList must hold 1 to {MaxRecallSeqs} {{MsgSeq}} items");
            var results = list.EnumerateArray().Select(item =>
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("MsgSeq", out var seqField) || !seqField.TryUInt32(out var seq))
                    throw new TencentApiException(10004, "every MsgSeqList item needs MsgSeq (an unsigned integer)");
                return new Dictionary<string, object> { ["MsgSeq"] = seq, ["RetCode"] = State.RecallGroupMessage(group, seq) ? 0 : NoSuchGroupMessage };
            }).ToList();
            return TencentEnvelope.Ok(("RecallRetList", results));
        };

        _apis["group_open_http_svc/group_msg_get_simple"] = call =>
        {
            var body = call.Body;
            var group = ExistingGroup(body);
            if (group.Type == "AVChatRoom") throw new TencentApiException(10007, "an AVChatRoom keeps no message history");
            if (!body.TryGetProperty("ReqMsgNumber", out var numberField) || !numberField.TryInt32(out var number) || number < 1)
                throw new TencentApiException(10004, "ReqMsgNumber is missing or not a positive integer");
            var messages = State.GroupMessages(group.GroupId);
            var top = messages.Count == 0 ? 0u : messages[^1].MsgSeq;
            if (body.TryGetProperty("ReqMsgSeq", out var seqField))
                top = seqField.TryUInt32(out var asked) && asked > 0 ? Math.Min(asked, top) : throw new TencentApiException(10004, "ReqMsgSeq must be a sequence number of at least 1");
            var withRecalled = Flag(body, "WithRecalledMsg", 10004);
            var served = Math.Min(number, MaxGroupHistory);
            var range = messages.Where(m => m.MsgSeq <= top && m.MsgSeq > top - Math.Min(top, (uint)served)).OrderByDescending(m => m.MsgSeq).ToList();
            var list = range.Where(m => withRecalled || !State.IsRecalled(group, m.MsgSeq)).Select(m => GroupHistoryItem(group, m)).ToList();
            return TencentEnvelope.Ok(("GroupId", group.GroupId), ("IsFinished", number <= MaxGroupHistory ? 1 : 0), ("RspMsgList", list));
        };
    }

    private Dictionary<string, object?> GroupHistoryItem(TencentGroup group, TencentGroupMessage m)
    {
        var recalled = State.IsRecalled(group, m.MsgSeq);
        return new()
        {
            ["From_Account"] = m.From,
            ["IsPlaceMsg"] = recalled ? 2 : 0,
            ["IsSystemMsg"] = 0,
            ["MsgBody"] = recalled ? Array.Empty<object>() : m.MsgBody,
            ["MsgPriority"] = 2,
            ["MsgRandom"] = m.Random,
            ["MsgSeq"] = m.MsgSeq,
            ["MsgTimeStamp"] = m.MsgTime,
            ["CloudCustomData"] = m.CloudCustomData ?? "",
        };
    }

    /// <summary>GroupAtInfo: an array of {GroupAtAllFlag 1} or {GroupAtAllFlag 0, GroupAt_Account}.</summary>
    private JsonElement? ReadGroupAtInfo(JsonElement body)
    {
        var info = GroupOptional(body, "GroupAtInfo", JsonValueKind.Array);
        if (info is not { } array) return null;
        foreach (var item in array.EnumerateArray())
        {
            var ok = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("GroupAtAllFlag", out var flag) && flag.TryInt32(out var all) &&
                     (all == 1 || all == 0 && item.TryGetProperty("GroupAt_Account", out var account) && account.ValueKind == JsonValueKind.String && State.Exists(account.GetString()!));
            if (!ok) throw new TencentApiException(10004, "every GroupAtInfo item is {GroupAtAllFlag: 1} or {GroupAtAllFlag: 0, GroupAt_Account: an imported account}");
        }
        return info;
    }

    /// <summary>An optional field of one JSON kind; another kind is 10004.</summary>
    private static JsonElement? GroupOptional(JsonElement body, string name, JsonValueKind kind)
    {
        if (!body.TryGetProperty(name, out var value)) return null;
        return value.ValueKind == kind ? value.Clone() : throw new TencentApiException(10004, $"{name} must be a JSON {kind.ToString().ToLowerInvariant()}");
    }
}
