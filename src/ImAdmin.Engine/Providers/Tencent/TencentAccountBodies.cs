using System;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>{"UserID": ...}, an item of account_check's CheckItem and account_delete's DeleteItem.</summary>
    internal sealed class AccountItem
    {
        [JsonPropertyName("UserID")]
        public string UserId { get; set; } = string.Empty;
    }

    /// <summary>im_open_login_svc/account_check.</summary>
    internal sealed class AccountCheckBody
    {
        [JsonPropertyName("CheckItem")]
        public AccountItem[] CheckItem { get; set; } = Array.Empty<AccountItem>();
    }

    /// <summary>im_open_login_svc/account_delete.</summary>
    internal sealed class AccountDeleteBody
    {
        [JsonPropertyName("DeleteItem")]
        public AccountItem[] DeleteItem { get; set; } = Array.Empty<AccountItem>();
    }

    /// <summary>im_open_login_svc/multiaccount_import (ids only).</summary>
    internal sealed class MultiAccountImportBody
    {
        [JsonPropertyName("Accounts")]
        public string[] Accounts { get; set; } = Array.Empty<string>();
    }

    /// <summary>im_open_login_svc/account_import: Nick and FaceUrl set the profile in the same call.</summary>
    internal sealed class AccountImportBody
    {
        [JsonPropertyName("UserID")]
        public string UserId { get; set; } = string.Empty;

        [JsonPropertyName("Nick")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Nick { get; set; }

        [JsonPropertyName("FaceUrl")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? FaceUrl { get; set; }
    }

    /// <summary>profile/portrait_get.</summary>
    internal sealed class PortraitGetBody
    {
        [JsonPropertyName("To_Account")]
        public string[] ToAccount { get; set; } = Array.Empty<string>();

        [JsonPropertyName("TagList")]
        public string[] TagList { get; set; } = Array.Empty<string>();
    }

    /// <summary>profile/portrait_set.</summary>
    internal sealed class PortraitSetBody
    {
        [JsonPropertyName("From_Account")]
        public string FromAccount { get; set; } = string.Empty;

        [JsonPropertyName("ProfileItem")]
        public ProfileItem[] ProfileItem { get; set; } = Array.Empty<ProfileItem>();
    }

    /// <summary>{"Tag": ..., "Value": ...}.</summary>
    internal sealed class ProfileItem
    {
        [JsonPropertyName("Tag")]
        public string Tag { get; set; } = string.Empty;

        [JsonPropertyName("Value")]
        public string Value { get; set; } = string.Empty;
    }
}
