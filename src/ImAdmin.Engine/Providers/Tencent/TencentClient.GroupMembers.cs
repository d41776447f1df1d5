using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Group members: get_group_member_info (pages of at most 200 by Offset; a Community by Next), add_group_member
    /// (300 a call, a Result per member) and delete_group_member (100 a call). An AVChatRoom has no member list.
    /// </summary>
    public sealed partial class TencentClient : IGroupMembership
    {
        private const int MaxMemberPage = 200;
        private const int MaxAddMembers = 300;
        private const int MaxDeleteMembers = 100;

        /// <summary>The add limit (300); a remove of more than 100 is split into delete calls of 100 here.</summary>
        public int GroupMemberBatchLimit => MaxAddMembers;

        public async IAsyncEnumerable<ImChannelMember> GetGroupMembersAsync(string groupId, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            const string api = "group_open_http_svc/get_group_member_info";
            if (pageSize < 1) throw new ImInputException("PageSize", "-PageSize must be at least 1.");
            // The group's type decides the paging (Community: Next), and an unknown group fails here as NotFound.
            var group = await GetGroupAsync(groupId, cancellationToken).ConfigureAwait(false) ?? throw GroupMissing(groupId);
            if (group.GroupType == GroupType.AVChatRoom) throw NoMemberList(groupId);
            var body = new GroupMemberInfoBody { GroupId = groupId, Limit = Math.Min(pageSize, MaxMemberPage) };
            var community = group.GroupType == GroupType.Community;
            if (community) body.Next = string.Empty;
            else body.Offset = 0;
            while (true)
            {
                var page = await CallAsync(api, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var members = page.TryGetProperty("MemberList", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : new List<JsonElement>();
                foreach (var member in members)
                    if (member.GetString("Member_Account") is string id) yield return new ImChannelMember(groupId, ChannelType.Group, id);
                if (community)
                {
                    var next = page.GetString("Next");
                    if (string.IsNullOrEmpty(next) || next == body.Next) yield break;
                    body.Next = next;
                }
                else
                {
                    body.Offset += members.Count;
                    if (members.Count < body.Limit || body.Offset >= (page.GetInt("MemberNum") ?? 0)) yield break;
                }
            }
        }

        /// <summary>
        /// add_group_member, 300 a call. A member already in the group is success; a member the server did not add
        /// (Result 0, e.g. not imported) is reported in one error after every chunk was sent.
        /// </summary>
        public async Task AddGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            const string api = "group_open_http_svc/add_group_member";
            ValidGroupId(groupId);
            var refused = new List<string>();
            foreach (var chunk in Chunk(userIds.Select(u => ValidAccount(u, "UserId")).Distinct(StringComparer.Ordinal), MaxAddMembers))
            {
                var body = new AddGroupMemberBody { GroupId = groupId, MemberList = chunk.Select(m => new MemberItem { MemberAccount = m }).ToArray() };
                // Adding a member twice answers "already a member", so a lost answer may be retried.
                var answer = await CallAsync(api, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var results = answer.TryGetProperty("MemberList", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Where(r => r.GetString("Member_Account") != null).ToDictionary(r => r.GetString("Member_Account")!, r => r.GetInt("Result") ?? 0, StringComparer.Ordinal)
                    : new Dictionary<string, int>();
                foreach (var member in chunk)
                {
                    var result = results.TryGetValue(member, out var r) ? r : 0;
                    if (result == 0) refused.Add(member);
                    else if (result == 3) ImLog.Warning($"TencentCloud {api}: '{member}' is invited to group '{groupId}' and joins once the invitation is accepted.");
                }
            }
            if (refused.Count > 0)
                throw new ImException(ImErrorKind.NotFound,
                    $"Tencent Cloud IM did not add {refused.Count} user(s) to group '{groupId}' (add_group_member Result 0, usually an account that was never imported): {string.Join(", ", refused)}. The others were added. Create the accounts with New-ImUser and add them again.")
                { Provider = ImProvider.TencentCloud, Request = "POST /v4/" + api };
        }

        /// <summary>delete_group_member, 100 a call; a user who is not a member is no error.</summary>
        public async Task RemoveGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            ValidGroupId(groupId);
            foreach (var chunk in Chunk(userIds.Select(u => ValidAccount(u, "UserId")).Distinct(StringComparer.Ordinal), MaxDeleteMembers))
                await CallAsync("group_open_http_svc/delete_group_member", new DeleteGroupMemberBody { GroupId = groupId, MemberToDelAccount = chunk },
                    RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
        }

        private static ImException GroupMissing(string groupId) =>
            new ImException(ImErrorKind.NotFound, $"Tencent Cloud IM group '{groupId}' does not exist (or was dissolved).") { Provider = ImProvider.TencentCloud };

        private static ImException NoMemberList(string groupId) =>
            new ImCapabilityException(ImProvider.TencentCloud, $"The member list of AVChatRoom '{groupId}'", "Members join an AVChatRoom by themselves; it has no member operations.");
    }
}
