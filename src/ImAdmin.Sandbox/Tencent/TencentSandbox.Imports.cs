using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// openim/importmsg (see docs/server-behaviour/tencent.md, 'Importing'): one historical C2C message with its original time. SyncFromOldSystem is required
/// (90030): 1 counts toward unread, 2 is marked read. MsgTimeStamp is required (90006). No callbacks; repeats of a
/// key are kept out for good and still answered OK.
/// </summary>
public sealed partial class TencentSandbox
{
    private void MapImports()
    {
        _apis["openim/importmsg"] = call =>
        {
            var body = call.Body;
            if (!body.TryGetProperty("SyncFromOldSystem", out var syncField) || !syncField.TryGetInt32(out var sync) || sync is not (1 or 2))
                throw new TencentApiException(90030, "SyncFromOldSystem is missing or not 1 (real-time) or 2 (historical)");
            if (!body.TryGetProperty("From_Account", out var from) || from.ValueKind != JsonValueKind.String || !State.Exists(from.GetString()!))
                throw new TencentApiException(90008, "From_Account is missing or does not exist");
            if (!body.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.String)
                throw new TencentApiException(90003, "To_Account is missing or not a string");
            if (!State.Exists(to.GetString()!)) throw new TencentApiException(90012, "To_Account is not registered");
            if (!body.TryGetProperty("MsgRandom", out var randomField) || !randomField.TryGetUInt32(out var random))
                throw new TencentApiException(90005, "MsgRandom is missing or not an unsigned 32-bit integer");
            if (!body.TryGetProperty("MsgTimeStamp", out var timeField) || !timeField.TryGetInt64(out var time) || time <= 0)
                throw new TencentApiException(90006, "MsgTimeStamp is missing or invalid");
            uint seq = 0;
            if (body.TryGetProperty("MsgSeq", out var seqField) && !seqField.TryGetUInt32(out seq))
                throw new TencentApiException(90001, "MsgSeq must be an unsigned 32-bit integer");

            State.StoreImported(new TencentStoredMessage("openim/importmsg", from.GetString()!, to.GetString()!, seq, random, time,
                ReadMsgBody(body), null, [], MarkedRead: sync == 2));
            return TencentEnvelope.Ok();
        };
    }
}
