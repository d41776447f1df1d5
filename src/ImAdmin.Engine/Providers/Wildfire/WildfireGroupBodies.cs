using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// What every group write carries besides its own fields: the <c>operator</c> who posts the group notification
    /// (without one, del and member/del answer 251, and create and member/add make the change and then fail with code 4)
    /// and the lines to post it on. Write routes are snake_case.
    /// </summary>
    internal abstract class GroupWriteBody
    {
        protected GroupWriteBody(string operatorId) => Operator = operatorId;

        [JsonPropertyName("operator")]
        public string Operator { get; }

        [JsonPropertyName("to_lines")]
        public int[] ToLines => new[] { 0 };
    }

    /// <summary>group/create (InputCreateGroup): {operator, to_lines, group:{group_info, members:[{member_id}]}}.</summary>
    internal sealed class CreateGroupBody : GroupWriteBody
    {
        public CreateGroupBody(string operatorId, GroupInfo info, IEnumerable<string> members) : base(operatorId) =>
            Group = new GroupPart { GroupInfo = info, Members = members.Select(id => new GroupMemberRef(id)).ToList() };

        [JsonPropertyName("group")]
        public GroupPart Group { get; }

        internal sealed class GroupPart
        {
            [JsonPropertyName("group_info")]
            public GroupInfo GroupInfo { get; set; } = null!;

            [JsonPropertyName("members")]
            public IReadOnlyList<GroupMemberRef> Members { get; set; } = null!;
        }

        /// <summary>PojoGroupInfo fields this module sets.</summary>
        internal sealed class GroupInfo
        {
            [JsonPropertyName("target_id")]
            public string TargetId { get; set; } = string.Empty;

            [JsonPropertyName("name")]
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
            public string? Name { get; set; }

            [JsonPropertyName("owner")]
            public string Owner { get; set; } = string.Empty;

            [JsonPropertyName("type")]
            public int Type { get; set; }
        }
    }

    /// <summary>A PojoGroupMember as member/add and create take it: an object, never a plain string.</summary>
    internal sealed class GroupMemberRef
    {
        public GroupMemberRef(string memberId) => MemberId = memberId;

        [JsonPropertyName("member_id")]
        public string MemberId { get; }
    }

    /// <summary>group/del (InputDismissGroup).</summary>
    internal sealed class DismissGroupBody : GroupWriteBody
    {
        public DismissGroupBody(string operatorId, string groupId) : base(operatorId) => GroupId = groupId;

        [JsonPropertyName("group_id")]
        public string GroupId { get; }
    }

    /// <summary>group/member/add (InputAddGroupMember): members are objects.</summary>
    internal sealed class AddGroupMembersBody : GroupWriteBody
    {
        public AddGroupMembersBody(string operatorId, string groupId, IEnumerable<string> members) : base(operatorId)
        {
            GroupId = groupId;
            Members = members.Select(id => new GroupMemberRef(id)).ToList();
        }

        [JsonPropertyName("group_id")]
        public string GroupId { get; }

        [JsonPropertyName("members")]
        public IReadOnlyList<GroupMemberRef> Members { get; }
    }

    /// <summary>group/member/del (InputKickoffGroupMember): here members are plain strings.</summary>
    internal sealed class RemoveGroupMembersBody : GroupWriteBody
    {
        public RemoveGroupMembersBody(string operatorId, string groupId, IReadOnlyList<string> members) : base(operatorId)
        {
            GroupId = groupId;
            Members = members;
        }

        [JsonPropertyName("group_id")]
        public string GroupId { get; }

        [JsonPropertyName("members")]
        public IReadOnlyList<string> Members { get; }
    }

    /// <summary>group/get_info and group/member/list (InputGetGroup): the read routes are camelCase.</summary>
    internal sealed class GroupIdBody
    {
        public GroupIdBody(string groupId) => GroupId = groupId;

        [JsonPropertyName("groupId")]
        public string GroupId { get; }
    }
}
