using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// im_open_login_svc: account_import (with Nick and FaceUrl, the profile tags Tag_Profile_IM_Nick and
/// Tag_Profile_IM_Image), multiaccount_import (Accounts, or AccountList with profiles), account_check and
/// account_delete. Each takes at most 100 accounts; importing an existing account is not an error. Bad parameters are
/// 70402; account_delete answers 70107 per id that was never imported, with the envelope still OK.
/// </summary>
public sealed partial class TencentSandbox
{
    /// <summary>multiaccount_import, account_check and account_delete take at most 100 accounts.</summary>
    private const int MaxAccountsPerCall = 100;

    private const int AccountNotFound = 70107;

    private void MapAccounts()
    {
        _apis["im_open_login_svc/account_import"] = call =>
        {
            ImportAccount(call.Body, failed: null);
            return TencentEnvelope.Ok();
        };

        _apis["im_open_login_svc/multiaccount_import"] = call =>
        {
            var failed = new List<string>();
            if (call.Body.TryGetProperty("AccountList", out _))
                foreach (var item in AccountArray(call.Body, "AccountList")) ImportAccount(item, failed);
            else
                foreach (var account in AccountArray(call.Body, "Accounts"))
                {
                    if (IsUserId(account)) State.Import(account.GetString()!);
                    else failed.Add(account.ToString());
                }
            return TencentEnvelope.Ok(("FailAccounts", failed));
        };

        _apis["im_open_login_svc/account_check"] = call =>
        {
            var results = AccountArray(call.Body, "CheckItem").Select(item =>
            {
                var userId = ItemUserId(item);
                return new Dictionary<string, object>
                {
                    ["UserID"] = userId ?? "",
                    ["ResultCode"] = userId == null ? 70402 : 0,
                    ["ResultInfo"] = userId == null ? "UserID must be a string of 1 to 32 bytes" : "",
                    ["AccountStatus"] = userId != null && State.Exists(userId) ? "Imported" : "NotImported",
                };
            }).ToList();
            return TencentEnvelope.Ok(("ResultItem", results));
        };

        _apis["im_open_login_svc/account_delete"] = call =>
        {
            var results = AccountArray(call.Body, "DeleteItem").Select(item =>
            {
                var userId = ItemUserId(item);
                var code = userId == null ? 70402 : State.Delete(userId) ? 0 : AccountNotFound;
                return new Dictionary<string, object>
                {
                    ["UserID"] = userId ?? "",
                    ["ResultCode"] = code,
                    ["ResultInfo"] = code switch { 0 => "", AccountNotFound => "Err_TLS_PT_Open_Login_Account_Not_Exist", _ => "UserID must be a string of 1 to 32 bytes" },
                };
            }).ToList();
            return TencentEnvelope.Ok(("ResultItem", results));
        };
    }

    /// <summary>
    /// One {UserID (or the older Identifier), Nick?, FaceUrl?} import. With <paramref name="failed"/> (AccountList) a bad
    /// item is listed there; alone (account_import) it fails the call with 70402, as an over-long profile value does.
    /// </summary>
    private void ImportAccount(JsonElement item, List<string>? failed)
    {
        var userId = item.ValueKind != JsonValueKind.Object ? default
            : item.TryGetProperty("UserID", out var id) ? id : item.TryGetProperty("Identifier", out var old) ? old : default;
        var profile = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = IsUserId(userId) && ProfileField(item, "Nick", NickTag, profile) && ProfileField(item, "FaceUrl", ImageTag, profile);
        if (!valid)
        {
            if (failed == null) throw new TencentApiException(70402, "UserID must be a string of 1 to 32 bytes; Nick and FaceUrl strings of at most 500 bytes");
            failed.Add(userId.ValueKind == JsonValueKind.String ? userId.GetString()! : item.ToString());
            return;
        }
        State.Import(userId.GetString()!);
        State.SetProfile(userId.GetString()!, profile);
    }

    private static bool ProfileField(JsonElement item, string name, string tag, Dictionary<string, string> profile)
    {
        if (!item.TryGetProperty(name, out var value)) return true;
        if (value.ValueKind != JsonValueKind.String || Encoding.UTF8.GetByteCount(value.GetString()!) > MaxProfileValueBytes) return false;
        profile[tag] = value.GetString()!;
        return true;
    }

    /// <summary>The UserID of a {UserID} item, or null when it is not a valid id.</summary>
    private static string? ItemUserId(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("UserID", out var v) && IsUserId(v) ? v.GetString()! : null;

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
