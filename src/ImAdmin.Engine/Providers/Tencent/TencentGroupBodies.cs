using System;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>group_open_http_svc/send_group_msg.</summary>
    internal sealed class SendGroupMsgBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The key send_group_msg dedupes on for 5 minutes.</summary>
        [JsonPropertyName("Random")]
        public uint Random { get; set; }

        /// <summary>The sender; omitted (null) to send as the admin identifier.</summary>
        [JsonPropertyName("From_Account")]
        public string? FromAccount { get; set; }

        [JsonPropertyName("MsgBody")]
        public MsgElement[] MsgBody { get; set; } = Array.Empty<MsgElement>();

        [JsonPropertyName("OfflinePushInfo")]
        public OfflinePushInfo? OfflinePushInfo { get; set; }

        [JsonPropertyName("CloudCustomData")]
        public string? CloudCustomData { get; set; }

        [JsonPropertyName("ForbidCallbackControl")]
        public string[]? ForbidCallbackControl { get; set; }

        /// <summary>Spelt differently from the one-to-one IsNeedReadReceipt.</summary>
        [JsonPropertyName("NeedReadReceipt")]
        public int? NeedReadReceipt { get; set; }

        [JsonPropertyName("GroupAtInfo")]
        public GroupAtItem[]? GroupAtInfo { get; set; }
    }

    /// <summary>One @ of a group message: GroupAtAllFlag 1 = @all (no account), 0 = the member GroupAt_Account.</summary>
    internal sealed class GroupAtItem
    {
        [JsonPropertyName("GroupAtAllFlag")]
        public int GroupAtAllFlag { get; set; }

        [JsonPropertyName("GroupAt_Account")]
        public string? GroupAtAccount { get; set; }
    }

    /// <summary>{"Member_Account": ...} of create_group's and add_group_member's MemberList.</summary>
    internal sealed class MemberItem
    {
        [JsonPropertyName("Member_Account")]
        public string MemberAccount { get; set; } = string.Empty;
    }

    /// <summary>group_open_http_svc/create_group (Type and Name required).</summary>
    internal sealed class CreateGroupBody
    {
        [JsonPropertyName("Type")]
        public string Type { get; set; } = string.Empty;

        [JsonPropertyName("Name")]
        public string Name { get; set; } = string.Empty;

        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        [JsonPropertyName("Owner_Account")]
        public string? OwnerAccount { get; set; }

        [JsonPropertyName("MemberList")]
        public MemberItem[]? MemberList { get; set; }
    }

    /// <summary>{"GroupId": ...}: destroy_group.</summary>
    internal sealed class GroupIdBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;
    }

    /// <summary>group_open_http_svc/get_group_info (at most 50 ids).</summary>
    internal sealed class GroupInfoBody
    {
        [JsonPropertyName("GroupIdList")]
        public string[] GroupIdList { get; set; } = Array.Empty<string>();
    }

    /// <summary>group_open_http_svc/get_appid_group_list: Next is an opaque unsigned 64-bit cursor (0 on the first call).</summary>
    internal sealed class GroupListBody
    {
        [JsonPropertyName("Limit")]
        public int Limit { get; set; }

        [JsonPropertyName("Next")]
        public ulong Next { get; set; }
    }

    /// <summary>group_open_http_svc/get_group_member_info: Offset paging, or Next for a Community.</summary>
    internal sealed class GroupMemberInfoBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        [JsonPropertyName("Limit")]
        public int Limit { get; set; }

        [JsonPropertyName("Offset")]
        public int? Offset { get; set; }

        [JsonPropertyName("Next")]
        public string? Next { get; set; }
    }

    /// <summary>group_open_http_svc/add_group_member (at most 300).</summary>
    internal sealed class AddGroupMemberBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        [JsonPropertyName("MemberList")]
        public MemberItem[] MemberList { get; set; } = Array.Empty<MemberItem>();
    }

    /// <summary>group_open_http_svc/delete_group_member (at most 100).</summary>
    internal sealed class DeleteGroupMemberBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        [JsonPropertyName("MemberToDel_Account")]
        public string[] MemberToDelAccount { get; set; } = Array.Empty<string>();
    }

    /// <summary>group_open_http_svc/group_msg_recall (at most 10 sequences).</summary>
    internal sealed class GroupRecallBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        [JsonPropertyName("MsgSeqList")]
        public MsgSeqItem[] MsgSeqList { get; set; } = Array.Empty<MsgSeqItem>();
    }

    internal sealed class MsgSeqItem
    {
        [JsonPropertyName("MsgSeq")]
        public long MsgSeq { get; set; }
    }

    /// <summary>group_open_http_svc/group_msg_get_simple (at most 20 per answer; ReqMsgSeq never 0).</summary>
    internal sealed class GroupHistoryBody
    {
        [JsonPropertyName("GroupId")]
        public string GroupId { get; set; } = string.Empty;

        [JsonPropertyName("ReqMsgNumber")]
        public int ReqMsgNumber { get; set; }

        /// <summary>Null on the first call: the newest messages.</summary>
        [JsonPropertyName("ReqMsgSeq")]
        public long? ReqMsgSeq { get; set; }

        /// <summary>1: recalled messages come back (IsPlaceMsg 2) instead of being left out.</summary>
        [JsonPropertyName("WithRecalledMsg")]
        public int WithRecalledMsg { get; set; } = 1;
    }
}
