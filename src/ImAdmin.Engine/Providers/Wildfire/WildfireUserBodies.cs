using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>{userId}: get_info, destroy and check_block_status (InputGetUserInfo, InputDestroyUser).</summary>
    internal sealed class UserIdBody
    {
        public UserIdBody(string userId) => UserId = userId;

        [JsonPropertyName("userId")]
        public string UserId { get; }
    }

    /// <summary>
    /// user/create (InputOutputUserInfo). The login name is required and unique; this module sends the user id, so two
    /// people with the same display name never clash. A displayName of "" makes the server copy the name.
    /// </summary>
    internal sealed class CreateUserBody
    {
        public CreateUserBody(string userId, string? displayName, string? portrait)
        {
            UserId = userId;
            DisplayName = displayName ?? string.Empty;
            Portrait = portrait;
        }

        [JsonPropertyName("userId")]
        public string UserId { get; }

        [JsonPropertyName("name")]
        public string Name => UserId;

        [JsonPropertyName("displayName")]
        public string DisplayName { get; }

        [JsonPropertyName("portrait")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Portrait { get; }
    }

    /// <summary>
    /// user/update (InputUpdateUserInfo): the server changes exactly the fields whose flag bit is set and clears a
    /// flagged field that is missing, so the bits and the fields sent always match.
    /// </summary>
    internal sealed class UpdateUserBody
    {
        public const int DisplayNameFlag = 0x01;
        public const int PortraitFlag = 0x02;

        public UpdateUserBody(string userId, string? displayName, string? portrait)
        {
            Flag = (displayName == null ? 0 : DisplayNameFlag) | (portrait == null ? 0 : PortraitFlag);
            UserInfo = new UpdatedFields { UserId = userId, DisplayName = displayName, Portrait = portrait };
        }

        [JsonPropertyName("flag")]
        public int Flag { get; }

        [JsonPropertyName("userInfo")]
        public UpdatedFields UserInfo { get; }

        internal sealed class UpdatedFields
        {
            [JsonPropertyName("userId")]
            public string UserId { get; set; } = string.Empty;

            [JsonPropertyName("displayName")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public string? DisplayName { get; set; }

            [JsonPropertyName("portrait")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public string? Portrait { get; set; }
        }
    }

    /// <summary>user/batch_get_infos (InputStringList).</summary>
    internal sealed class UserListBody
    {
        public UserListBody(IReadOnlyList<string> list) => List = list;

        [JsonPropertyName("list")]
        public IReadOnlyList<string> List { get; }
    }

    /// <summary>user/all (InputGetUserList).</summary>
    internal sealed class UserPageBody
    {
        public UserPageBody(int count, long offset)
        {
            Count = count;
            Offset = offset;
        }

        [JsonPropertyName("count")]
        public int Count { get; }

        [JsonPropertyName("offset")]
        public long Offset { get; }
    }

    /// <summary>
    /// user/update_block_status (InputOutputUserBlockStatus). The key is <c>status</c>: the JS SDK's <c>block</c> is
    /// ignored by the server, which then stores 0 and so unblocks the user.
    /// </summary>
    internal sealed class BlockStatusBody
    {
        public BlockStatusBody(string userId, int status)
        {
            UserId = userId;
            Status = status;
        }

        [JsonPropertyName("userId")]
        public string UserId { get; }

        [JsonPropertyName("status")]
        public int Status { get; }
    }

    /// <summary>user/online_list (GetOnlineUserRequest); a community server is node 1 and refuses any other with 251.</summary>
    internal sealed class OnlineListBody
    {
        public OnlineListBody(ulong nodeId, int offset, int count)
        {
            NodeId = nodeId;
            Offset = offset;
            Count = count;
        }

        [JsonPropertyName("nodeId")]
        public ulong NodeId { get; }

        [JsonPropertyName("offset")]
        public int Offset { get; }

        [JsonPropertyName("count")]
        public int Count { get; }
    }
}
