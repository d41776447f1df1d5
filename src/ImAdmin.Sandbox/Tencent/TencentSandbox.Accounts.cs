using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>im_open_login_svc: account_import, multiaccount_import and account_check (see docs/server-behaviour/tencent.md, 'Accounts, presence and groups').</summary>
public sealed partial class TencentSandbox
{
    /// <summary>multiaccount_import and account_check take at most 100 accounts.</summary>
    private const int MaxAccountsPerCall = 100;

    private void MapAccounts()
    {
        _apis["im_open_login_svc/account_import"] = call =>
        {
            // Older docs name the field Identifier instead of UserID.
            var userId = call.Body.TryGetProperty("UserID", out var id) ? id : call.Body.TryGetProperty("Identifier", out var old) ? old : default;
            if (!IsUserId(userId)) throw new TencentApiException(70402, "UserID must be a string of 1 to 32 bytes");
            State.Import(userId.GetString()!);
            return TencentEnvelope.Ok();
        };

        _apis["im_open_login_svc/multiaccount_import"] = call =>
        {
            var accounts = AccountArray(call.Body, "Accounts");
            var failed = new List<string>();
            foreach (var account in accounts)
            {
                if (IsUserId(account)) State.Import(account.GetString()!);
                else failed.Add(account.ToString());
            }
            return TencentEnvelope.Ok(("FailAccounts", failed));
        };

        _apis["im_open_login_svc/account_check"] = call =>
        {
            var items = AccountArray(call.Body, "CheckItem");
            var results = items.Select(item =>
            {
                var userId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("UserID", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                return new Dictionary<string, object>
                {
                    ["UserID"] = userId,
                    ["ResultCode"] = 0,
                    ["ResultInfo"] = "",
                    ["AccountStatus"] = State.Exists(userId) ? "Imported" : "NotImported",
                };
            }).ToList();
            return TencentEnvelope.Ok(("ResultItem", results));
        };
    }

    /// <summary>A 1..100 element array field of the body, else 70402.</summary>
    private static List<JsonElement> AccountArray(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new TencentApiException(70402, $"{name} must be an array");
        var items = array.EnumerateArray().ToList();
        if (items.Count is 0 or > MaxAccountsPerCall)
            throw new TencentApiException(70402, $"{name} must hold 1 to {MaxAccountsPerCall} accounts");
        return items;
    }

    private static bool IsUserId(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s && Encoding.UTF8.GetByteCount(s) <= 32;
}
