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
        /// add_group_member, 300 a call, answers a Result per member: 1 added, 2 already a member (both success), 3 invited
        /// (success, with a warning: the user joins once the invitation is accepted), 0 refused (usually an account
        /// that was never imported) — a failure of that member alone.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<string>>> AddGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            const string api = "group_open_http_svc/add_group_member";
            ValidGroupId(groupId);
            var outcomes = new List<ItemResult<string>>();
            foreach (var chunk in Chunk(userIds.Select(u => ValidAccount(u, "UserId")).Distinct(StringComparer.Ordinal), MaxAddMembers))
            {
                var body = new AddGroupMemberBody { GroupId = groupId, MemberList = chunk.Select(m => new MemberItem { MemberAccount = m }).ToArray() };
                // Adding a member twice answers "already a member", so a lost answer may be retried.
                var answer = await CallAsync(api, body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var results = answer.TryGetProperty("MemberList", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Where(r => r.GetString("Member_Account") != null).GroupBy(r => r.GetString("Member_Account")!, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().GetInt("Result"), StringComparer.Ordinal)
                    : new Dictionary<string, int?>(StringComparer.Ordinal);
                foreach (var member in chunk)
                    outcomes.Add(results.TryGetValue(member, out var result) ? MemberAdded(api, groupId, member, result) : ItemResult<string>.Unknown(member,
                        new ImException(ImErrorKind.Unknown, $"Tencent Cloud IM {api} returned no Result for '{member}' in group '{groupId}'; whether it was added is unknown. Check with Get-ImChannelSubscriber.")
                        { Provider = ImProvider.TencentCloud, Request = "POST /v4/" + api, OutcomeUnknown = true }));
            }
            return outcomes;
        }

        private static ItemResult<string> MemberAdded(string api, string groupId, string member, int? result)
        {
            if (result == 3) ImLog.Warning($"TencentCloud {api}: '{member}' is invited to group '{groupId}' and joins once the invitation is accepted.");
            if (result is 1 or 2 or 3) return ItemResult<string>.Success(member, member);
            return ItemResult<string>.Failure(member, new ImException(ImErrorKind.NotFound,
                    $"Tencent Cloud IM did not add '{member}' to group '{groupId}' ({api} Result {result?.ToString() ?? "missing"}: refused, usually an account that was never imported). Create the account with New-ImUser and add it again.")
                { Provider = ImProvider.TencentCloud, Request = "POST /v4/" + api, ServerMessage = $"Result {result?.ToString() ?? "missing"}" });
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
