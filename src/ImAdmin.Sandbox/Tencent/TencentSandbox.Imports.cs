using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// openim/importmsg (see docs/server-behaviour/tencent.md, 'Importing'): one historical C2C message with its original time. SyncFromOldSystem is required
/// (90030) and is 2 (history: marked read) or 5 (real time: counts as unread); current servers call any other value
/// illegal. MsgTimeStamp is required (90006). No callbacks. A repeat — same conversation in either direction, same
/// MsgSeq, MsgRandom and MsgTimeStamp, whatever the content — is answered OK and discarded (the first import wins).
/// </summary>
public sealed partial class TencentSandbox
{
    private const int HistoricalImport = 2;
    private const int RealtimeImport = 5;

    private void MapImports()
    {
        _apis["openim/importmsg"] = call =>
        {
            var body = call.Body;
            if (!body.TryGetProperty("SyncFromOldSystem", out var syncField) || !syncField.TryInt32(out var sync) || sync is not (HistoricalImport or RealtimeImport))
                throw new TencentApiException(90030, "SyncFromOldSystem is missing or not 2 (historical) or 5 (real-time)");
            if (!body.TryGetProperty("From_Account", out var from) || from.ValueKind != JsonValueKind.String || !State.Exists(from.GetString()!))
                throw new TencentApiException(90008, "From_Account is missing or does not exist");
            if (!body.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.String)
                throw new TencentApiException(90003, "To_Account is missing or not a string");
            if (!State.Exists(to.GetString()!)) throw new TencentApiException(90012, "To_Account is not registered");
            if (!body.TryGetProperty("MsgRandom", out var randomField) || !randomField.TryUInt32(out var random))
                throw new TencentApiException(90005, "MsgRandom is missing or not an unsigned 32-bit integer");
            if (!body.TryGetProperty("MsgTimeStamp", out var timeField) || !timeField.TryInt64(out var time) || time <= 0)
                throw new TencentApiException(90006, "MsgTimeStamp is missing or invalid");
            uint seq = 0;
            if (body.TryGetProperty("MsgSeq", out var seqField) && !seqField.TryUInt32(out seq))
                throw new TencentApiException(90001, "MsgSeq must be an unsigned 32-bit integer");

            State.StoreImported(new TencentStoredMessage("openim/importmsg", from.GetString()!, to.GetString()!, seq, random, time,
                ReadMsgBody(body, importOnly: true), null, [], MarkedRead: sync == HistoricalImport)
            {
                CloudCustomData = OptionalString(body, "CloudCustomData", 90001),
            });
            return TencentEnvelope.Ok();
        };
    }
}
