using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// openim/admin_getroammsg (see docs/server-behaviour/tencent.md, 'History'): a C2C conversation's stored messages in [MinTime, MaxTime], newest first,
/// at most MaxCnt and about 13 KB of message data per answer (Complete 0 when more remain); a continuation sends
/// MaxTime = LastMsgTime and LastMsgKey and resumes after that message.
/// </summary>
public sealed partial class TencentSandbox
{
    /// <summary>The page cut-off, whatever MaxCnt says.</summary>
    public const int RoamPageBytes = 13 * 1024;

    private void MapHistory()
    {
        _apis["openim/admin_getroammsg"] = call =>
        {
            var body = call.Body;
            var op = ExistingAccount(body, "Operator_Account", 90008, 90008);
            var peer = ExistingAccount(body, "Peer_Account", 90003, 90003);
            var maxCnt = RequiredLong(body, "MaxCnt");
            var minTime = RequiredLong(body, "MinTime");
            var maxTime = RequiredLong(body, "MaxTime");
            if (maxCnt < 1) throw new TencentApiException(90001, "MaxCnt must be at least 1");
            string? lastKey = null;
            if (body.TryGetProperty("LastMsgKey", out var keyField))
            {
                if (keyField.ValueKind != JsonValueKind.String) throw new TencentApiException(90001, "LastMsgKey must be a string");
                lastKey = keyField.GetString();
            }

            var inRange = State.Messages
                .Select((m, index) => (Message: m, Index: index))
                .Where(x => (x.Message.From == op && x.Message.To == peer && x.Message.SyncOtherMachine != 2 || x.Message.From == peer && x.Message.To == op) &&
                            x.Message.MsgTime >= minTime && x.Message.MsgTime <= maxTime)
                .OrderByDescending(x => x.Message.MsgTime).ThenByDescending(x => x.Index)
                .Select(x => x.Message)
                .ToList();
            var resumeAt = lastKey == null ? 0 : inRange.FindIndex(m => m.MsgKey == lastKey) + 1;
            var remaining = inRange.Skip(resumeAt).ToList();

            var page = new List<Dictionary<string, object?>>();
            var bytes = 0;
            foreach (var message in remaining)
            {
                var item = RoamItem(message);
                var size = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(item));
                if (page.Count == maxCnt || page.Count > 0 && bytes + size > RoamPageBytes) break;
                page.Add(item);
                bytes += size;
            }
            var complete = page.Count == remaining.Count ? 1 : 0;
            var last = page.Count > 0 ? remaining[page.Count - 1] : null;
            return TencentEnvelope.Ok(
                ("Complete", complete),
                ("MsgCnt", page.Count),
                ("LastMsgTime", last?.MsgTime ?? 0),
                ("LastMsgKey", last?.MsgKey ?? ""),
                ("MsgList", page));
        };
    }

    /// <summary>
    /// One MsgList item. A recalled message keeps its place with MsgFlagBits 8; the sandbox sends its body empty, so a
    /// client that judged by the body instead of the flag would show an empty message.
    /// </summary>
    private Dictionary<string, object?> RoamItem(TencentStoredMessage m)
    {
        var recalled = State.IsWithdrawn(m);
        return new()
        {
            ["From_Account"] = m.From,
            ["To_Account"] = m.To,
            ["MsgSeq"] = m.MsgSeq,
            ["MsgRandom"] = m.MsgRandom,
            ["MsgTimeStamp"] = m.MsgTime,
            ["MsgFlagBits"] = recalled ? RecalledFlag : 0,
            ["IsPeerRead"] = State.IsPeerRead(m) ? 1 : 0,
            ["MsgKey"] = m.MsgKey,
            ["MsgBody"] = recalled ? Array.Empty<object>() : m.MsgBody,
            ["CloudCustomData"] = m.CloudCustomData ?? "",
        };
    }

    /// <summary>MsgFlagBits of a recalled message.</summary>
    public const int RecalledFlag = 8;

    private static long RequiredLong(JsonElement body, string name) =>
        body.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.Number && field.TryInt64(out var value)
            ? value
            : throw new TencentApiException(90001, $"{name} is missing or not an integer");
}
