using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// Presence and C2C conversation state: openim/query_online_status, im_open_login_svc/kick (see docs/server-behaviour/tencent.md, 'Accounts, presence and groups'),
/// openim/admin_set_msg_read and openim/get_c2c_unread_msg_num (see docs/server-behaviour/tencent.md, 'Conversation state').
/// </summary>
public sealed partial class TencentSandbox
{
    private const int MaxStatusAccounts = 500;
    private const int MaxUnreadPeers = 10;

    private void MapConversations()
    {
        _apis["openim/query_online_status"] = call =>
        {
            if (!call.Body.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.Array)
                throw new TencentApiException(90003, "To_Account must be an array of UserIDs");
            var accounts = to.EnumerateArray().ToList();
            if (accounts.Count is 0 or > MaxStatusAccounts)
                throw new TencentApiException(70402, $"To_Account must hold 1 to {MaxStatusAccounts} UserIDs");
            var detailed = call.Body.TryGetProperty("IsNeedDetail", out var need) && need.ValueKind == JsonValueKind.Number && need.TryInt32(out var n) && n == 1;
            var results = new List<Dictionary<string, object>>();
            var errors = new List<Dictionary<string, object>>();
            foreach (var account in accounts)
            {
                var id = account.ValueKind == JsonValueKind.String ? account.GetString()! : account.ToString();
                if (account.ValueKind != JsonValueKind.String || !State.Exists(id))
                {
                    errors.Add(new() { ["To_Account"] = id, ["ErrorCode"] = 70107 });
                    continue;
                }
                var presence = State.Presence(id);
                var status = presence.Values.Contains("Online") ? "Online" : presence.Count > 0 ? "PushOnline" : "Offline";
                var result = new Dictionary<string, object> { ["To_Account"] = id, ["Status"] = status };
                if (detailed) result["Detail"] = presence.Select(p => new Dictionary<string, object> { ["Platform"] = p.Key, ["Status"] = p.Value }).ToList();
                results.Add(result);
            }
            return errors.Count == 0
                ? TencentEnvelope.Ok(("QueryResult", results))
                : TencentEnvelope.Ok(("QueryResult", results), ("ErrorList", errors));
        };

        _apis["im_open_login_svc/kick"] = call =>
        {
            var userId = ExistingAccount(call.Body, "UserID", 70402, 70107);
            State.LogOut(userId);
            return TencentEnvelope.Ok();
        };

        _apis["openim/admin_set_msg_read"] = call =>
        {
            var user = ExistingAccount(call.Body, "Report_Account", 90008, 90008);
            var peer = ExistingAccount(call.Body, "Peer_Account", 90003, 90003);
            var upTo = options.Now().ToUnixTimeSeconds();
            if (call.Body.TryGetProperty("MsgReadTime", out var time) && (time.ValueKind != JsonValueKind.Number || !time.TryInt64(out upTo)))
                throw new TencentApiException(90001, "MsgReadTime must be Unix seconds");
            State.MarkRead(user, peer, upTo);
            return TencentEnvelope.Ok();
        };

        _apis["openim/get_c2c_unread_msg_num"] = call =>
        {
            var user = ExistingAccount(call.Body, "To_Account", 90003, 70107);
            if (!call.Body.TryGetProperty("Peer_Account", out var peersField))
                return TencentEnvelope.Ok(("AllC2CUnreadMsgNum", State.Unread(user)));
            if (peersField.ValueKind != JsonValueKind.Array) throw new TencentApiException(90001, "Peer_Account must be an array of UserIDs");
            var peers = peersField.EnumerateArray().ToList();
            if (peers.Count is 0 or > MaxUnreadPeers) throw new TencentApiException(70402, $"Peer_Account must hold 1 to {MaxUnreadPeers} UserIDs");
            var counts = new List<Dictionary<string, object>>();
            var errors = new List<Dictionary<string, object>>();
            foreach (var peer in peers)
            {
                var id = peer.ValueKind == JsonValueKind.String ? peer.GetString()! : peer.ToString();
                if (peer.ValueKind == JsonValueKind.String && State.Exists(id)) counts.Add(new() { ["Peer_Account"] = id, ["C2CUnreadMsgNum"] = State.Unread(user, id) });
                else errors.Add(new() { ["Peer_Account"] = id, ["ErrorCode"] = 70107 });
            }
            return errors.Count == 0
                ? TencentEnvelope.Ok(("C2CUnreadMsgNumList", counts))
                : TencentEnvelope.Ok(("C2CUnreadMsgNumList", counts), ("ErrorList", errors));
        };
    }

    /// <summary>A string account field that names an imported account: <paramref name="missingCode"/> when absent, <paramref name="unknownCode"/> when not imported.</summary>
    private string ExistingAccount(JsonElement body, string name, int missingCode, int unknownCode)
    {
        if (!body.TryGetProperty(name, out var field)) throw new TencentApiException(missingCode, $"{name} is missing");
        if (field.ValueKind != JsonValueKind.String) throw new TencentApiException(60015, $"{name} must be a string");
        var id = field.GetString()!;
        if (!State.Exists(id)) throw new TencentApiException(unknownCode, $"{name} '{id}' does not exist (not imported)");
        return id;
    }
}
