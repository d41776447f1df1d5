using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>
    /// Groups (/admin/group/*; docs/server-behaviour/wildfire-users-groups.md). Admin calls skip the owner and membership
    /// checks; every write names <see cref="DefaultSender"/> as operator, the user who posts the group notification.
    /// </summary>
    public sealed partial class WildfireClient : IGroupManager, IGroupMembership
    {
        /// <summary>
        /// Users per member/add or member/del call. The server has no cap, so one call could carry any list; what bounds
        /// it is the IM core's 5 s limit (code 249), and ten thousand ids stay far inside it. Both calls are idempotent,
        /// so a call cut off by that limit is safely repeated.
        /// </summary>
        public const int GroupMemberChunkSize = 10000;

        /// <summary>The kind the WildfireChat apps create (2, restricted) when -GroupType is not given.</summary>
        private const GroupType DefaultGroupType = GroupType.Restricted;

        public int GroupMemberBatchLimit => GroupMemberChunkSize;

        public void CheckGroupType(GroupType? groupType)
        {
            if (groupType != null) GroupTypeNumber(groupType.Value);
        }

        /// <summary>
        /// group/create with this module's own id (so a re-run is refused with AlreadyExists instead of making a second
        /// group). The owner is -Owner, else the admin user; the server adds the owner as a member itself.
        /// </summary>
        public async Task CreateGroupAsync(GroupSpec spec, CancellationToken cancellationToken)
        {
            var owner = string.IsNullOrEmpty(spec.Owner) ? DefaultSender : spec.Owner!;
            var info = new CreateGroupBody.GroupInfo
            {
                TargetId = spec.GroupId,
                Name = spec.Name,
                Owner = owner,
                Type = GroupTypeNumber(spec.GroupType ?? DefaultGroupType),
            };
            var members = spec.Members.Where(m => !string.Equals(m, owner, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
            // A lost answer must not be retried: the repeat would meet its own group and report "taken".
            await CallAsync("/admin/group/create", new CreateGroupBody(owner, info, members), RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>group/get_info; null for an unknown group. The server's max_member_count is the current member count.</summary>
        public async Task<ImChannel?> GetGroupAsync(string groupId, CancellationToken cancellationToken)
        {
            JsonElement info;
            try
            {
                info = await CallAsync("/admin/group/get_info", new GroupIdBody(groupId), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            }
            catch (ImException ex) when (ex.Kind == ImErrorKind.NotFound)
            {
                return null;
            }
            return new ImChannel
            {
                ChannelId = info.GetString("target_id") ?? groupId,
                ChannelType = ChannelType.Group,
                Name = info.GetString("name"),
                Owner = info.GetString("owner"),
                GroupType = GroupTypeOf(info.GetInt("type") ?? 0),
                MemberCount = info.GetInt("max_member_count"),
                Ban = (info.GetInt("mute") ?? 0) != 0,
            };
        }

        /// <summary>group/del: the group is dismissed for everyone; an unknown group is NotFound.</summary>
        public Task RemoveGroupAsync(string groupId, CancellationToken cancellationToken) =>
            CallAsync("/admin/group/del", new DismissGroupBody(DefaultSender, groupId), RetrySafety.NotProcessedOnly, cancellationToken);

        /// <summary>group/member/list answers the whole list in one call (owner included, removed members left out).</summary>
        public async IAsyncEnumerable<ImChannelMember> GetGroupMembersAsync(string groupId, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var result = await CallAsync("/admin/group/member/list", new GroupIdBody(groupId), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            if (!result.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array) yield break;
            foreach (var member in members.EnumerateArray())
                if (member.GetString("member_id") is string id) yield return new ImChannelMember(groupId, ChannelType.Group, id);
        }

        /// <summary>
        /// group/member/add: current members are written again, so adding is idempotent; an unknown group is NotFound.
        /// The answer has no per-member part: the call succeeds or fails for every user in it.
        /// </summary>
        public async Task<IReadOnlyList<ItemResult<string>>> AddGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        {
            await CallAsync("/admin/group/member/add", new AddGroupMembersBody(DefaultSender, groupId, userIds), RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            return userIds.Select(u => ItemResult<string>.Success(u, u)).ToList();
        }

        /// <summary>group/member/del: non-members are ignored; an unknown group is NotFound.</summary>
        public Task RemoveGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
            CallAsync("/admin/group/member/del", new RemoveGroupMembersBody(DefaultSender, groupId, userIds), RetrySafety.Idempotent, cancellationToken);

        private static int GroupTypeNumber(GroupType groupType) => groupType switch
        {
            GroupType.Normal => 0,
            GroupType.Free => 1,
            GroupType.Restricted => 2,
            GroupType.Organization => 3,
            _ => throw new ImInputException("GroupType",
                $"-GroupType {groupType} is a Tencent Cloud IM group type; WildfireChat groups are Normal, Free, Restricted (the default, what its apps create) or Organization."),
        };

        private static GroupType? GroupTypeOf(int number) => number switch
        {
            0 => GroupType.Normal,
            1 => GroupType.Free,
            2 => GroupType.Restricted,
            3 => GroupType.Organization,
            _ => null,
        };
    }
}
