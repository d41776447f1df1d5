using System.Text;
using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>
/// profile/portrait_get and profile/portrait_set. portrait_get answers one item per account (ResultCode 40003 for an
/// account never imported, listed in Fail_Account too) with the asked tags that were set; a tag never set is left out.
/// portrait_set changes only the tags given: 40003 for an unknown account, 40008 for an unknown tag, 40601 for a
/// value over 500 bytes, 40605 for a bad value of an enumerated standard tag; 40001 for a malformed request.
/// </summary>
public sealed partial class TencentSandbox
{
    public const string NickTag = "Tag_Profile_IM_Nick";
    public const string ImageTag = "Tag_Profile_IM_Image";

    private const int MaxProfileValueBytes = 500;
    private const int MaxProfileAccounts = 100;
    private const int ProfileAccountNotFound = 40003;

    /// <summary>The standard string tags, and the enumerated ones with their allowed values.</summary>
    private static readonly Dictionary<string, string[]?> ProfileTags = new(StringComparer.Ordinal)
    {
        [NickTag] = null,
        [ImageTag] = null,
        ["Tag_Profile_IM_SelfSignature"] = null,
        ["Tag_Profile_IM_Location"] = null,
        ["Tag_Profile_IM_Gender"] = ["Gender_Type_Unknown", "Gender_Type_Female", "Gender_Type_Male"],
        ["Tag_Profile_IM_AllowType"] = ["AllowType_Type_NeedConfirm", "AllowType_Type_AllowAny", "AllowType_Type_DenyAny"],
        ["Tag_Profile_IM_AdminForbidType"] = ["AdminForbid_Type_None", "AdminForbid_Type_SendOut"],
    };

    private void MapProfiles()
    {
        _apis["profile/portrait_get"] = call =>
        {
            if (!call.Body.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() is 0 or > MaxProfileAccounts)
                throw new TencentApiException(40001, $"To_Account must be an array of 1 to {MaxProfileAccounts} UserIDs");
            if (!call.Body.TryGetProperty("TagList", out var tagList) || tagList.ValueKind != JsonValueKind.Array || tagList.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
                throw new TencentApiException(40001, "TagList must be an array of tag names");
            var tags = tagList.EnumerateArray().Select(t => t.GetString()!).ToList();
            var items = new List<Dictionary<string, object>>();
            var failed = new List<string>();
            foreach (var account in to.EnumerateArray())
            {
                var id = account.ValueKind == JsonValueKind.String ? account.GetString()! : account.ToString();
                var profile = account.ValueKind == JsonValueKind.String ? State.Profile(id) : null;
                if (profile == null) failed.Add(id);
                items.Add(new()
                {
                    ["To_Account"] = id,
                    ["ProfileItem"] = profile == null ? [] : tags.Where(profile.ContainsKey).Select(t => new Dictionary<string, string> { ["Tag"] = t, ["Value"] = profile[t] }).ToList(),
                    ["ResultCode"] = profile == null ? ProfileAccountNotFound : 0,
                    ["ResultInfo"] = profile == null ? "Err_Profile_Invalid_Account" : "",
                });
            }
            return failed.Count == 0
                ? TencentEnvelope.Ok(("UserProfileItem", items), ("ErrorDisplay", ""))
                : TencentEnvelope.Ok(("UserProfileItem", items), ("Fail_Account", failed), ("ErrorDisplay", ""));
        };

        _apis["profile/portrait_set"] = call =>
        {
            if (!call.Body.TryGetProperty("From_Account", out var from) || from.ValueKind != JsonValueKind.String)
                throw new TencentApiException(40001, "From_Account is missing or not a string");
            if (!call.Body.TryGetProperty("ProfileItem", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
                throw new TencentApiException(40001, "ProfileItem must be a non-empty array of {Tag, Value}");
            var tags = new List<KeyValuePair<string, string>>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("Tag", out var tagField) || tagField.ValueKind != JsonValueKind.String || !item.TryGetProperty("Value", out var value))
                    throw new TencentApiException(40001, "every ProfileItem needs Tag (string) and Value");
                var tag = tagField.GetString()!;
                if (!ProfileTags.TryGetValue(tag, out var allowed)) throw new TencentApiException(40008, $"profile tag '{tag}' does not exist");
                if (value.ValueKind != JsonValueKind.String) throw new TencentApiException(40605, $"{tag} takes a string value");
                var text = value.GetString()!;
                if (Encoding.UTF8.GetByteCount(text) > MaxProfileValueBytes) throw new TencentApiException(40601, $"the value of {tag} is longer than {MaxProfileValueBytes} bytes");
                if (allowed != null && !allowed.Contains(text)) throw new TencentApiException(40605, $"'{text}' is not a value of {tag} ({string.Join(", ", allowed)})");
                tags.Add(new(tag, text));
            }
            if (!State.SetProfile(from.GetString()!, tags)) throw new TencentApiException(ProfileAccountNotFound, "Err_Profile_Invalid_Account: From_Account is not imported");
            return TencentEnvelope.Ok(("ErrorDisplay", ""));
        };
    }
}
