using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// openim/admin_msgwithdraw (see docs/server-behaviour/tencent.md, 'Recall'): recalls a C2C message by sender, recipient and MsgKey, with no time
/// limit. 20022 when there is no such message, 20023 when it was recalled before, 90054 for a malformed MsgKey.
/// </summary>
public sealed partial class TencentSandbox
{
    private static readonly Regex MsgKeyFormat = new(@"^\d+_\d+_\d+$", RegexOptions.CultureInvariant);

    /// <summary>The recalled messages, as "From\nTo\nMsgKey", for assertions.</summary>
    public IReadOnlyCollection<string> Withdrawn => State.Withdrawn;

    private void MapWithdraw()
    {
        _apis["openim/admin_msgwithdraw"] = call =>
        {
            var from = RequiredString(call.Body, "From_Account");
            var to = RequiredString(call.Body, "To_Account");
            var msgKey = RequiredString(call.Body, "MsgKey");
            if (!MsgKeyFormat.IsMatch(msgKey)) throw new TencentApiException(90054, "MsgKey is invalid");
            switch (State.Withdraw(from, to, msgKey))
            {
                case null: throw new TencentApiException(20022, "msg not exist");
                case false: throw new TencentApiException(20023, "msg has been withdrawn");
            }
            return TencentEnvelope.Ok();
        };
    }

    private static string RequiredString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new TencentApiException(90003, $"{name} is missing or not a string");
}
