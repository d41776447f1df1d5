using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// Groups (group_open_http_svc): create_group, get_group_info (50 ids a call), get_appid_group_list (paged by an
    /// opaque 64-bit Next) and destroy_group. Limits the server would refuse are checked before sending.
    /// </summary>
    public sealed partial class TencentClient : IGroupManager, IGroupLister
    {
        /// <summary>create_group takes at most 100 initial members; the rest are added with add_group_member.</summary>
        private const int MaxInitialMembers = 100;

        private const int MaxGroupInfoIds = 50;
        private const int MaxGroupListPage = 10000;
        private const int MaxGroupNameBytes = 30;

        /// <summary>An admin-managed group where members are invited (Work in the newer SDKs), when -GroupType is not given.</summary>
        private const GroupType DefaultGroupType = GroupType.Private;

        private static readonly GroupType[] GroupTypes = { GroupType.Public, GroupType.Private, GroupType.ChatRoom, GroupType.AVChatRoom, GroupType.Community };

        public void CheckGroupType(GroupType? groupType)
        {
            if (groupType != null && !GroupTypes.Contains(groupType.Value))
                throw new ImInputException("GroupType", $"-GroupType {groupType} is not a Tencent Cloud IM group type; use {string.Join(", ", GroupTypes)}.");
        }

        /// <summary>
        /// create_group with this module's own GroupId (a re-run meets its group: AlreadyExists), -Name (required by
        /// Tencent, at most 30 bytes), the owner (who becomes a member) and the first 100 members; more members are
        /// added afterwards in calls of 300.
        /// </summary>
        public async Task CreateGroupAsync(GroupSpec spec, CancellationToken cancellationToken)
        {
            var type = spec.GroupType ?? DefaultGroupType;
            CheckGroupType(type);
            CheckCustomGroupId(spec.GroupId, type);
            if (string.IsNullOrEmpty(spec.Name))
                throw new ImInputException("Name", "Tencent Cloud IM groups need a name: give -Name (at most 30 bytes).");
            if (Encoding.UTF8.GetByteCount(spec.Name) > MaxGroupNameBytes)
                throw new ImInputException("Name", $"-Name '{spec.Name}' is longer than {MaxGroupNameBytes} bytes, the limit of a Tencent Cloud IM group name.");
            var owner = spec.Owner == null ? null : ValidAccount(spec.Owner, "Owner");
            var members = spec.Members.Select(m => ValidAccount(m, "Member")).Where(m => m != owner).Distinct(StringComparer.Ordinal).ToList();
            if (type == GroupType.AVChatRoom && members.Count > 0)
                throw new ImInputException("Member", "An AVChatRoom has no member list (members join by themselves); create it without members.");

            var body = new CreateGroupBody
            {
                Type = type.ToString(),
                Name = spec.Name!,
                GroupId = spec.GroupId,
                OwnerAccount = owner,
                MemberList = members.Count == 0 ? null : members.Take(MaxInitialMembers).Select(m => new MemberItem { MemberAccount = m }).ToArray(),
            };
            // A lost answer must not be retried: the repeat would meet its own group and report "taken".
            await CallAsync("group_open_http_svc/create_group", body, RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);
            if (members.Count <= MaxInitialMembers) return;
            var refused = (await AddGroupMembersAsync(spec.GroupId, members.Skip(MaxInitialMembers).ToList(), cancellationToken).ConfigureAwait(false))
                .Where(r => !r.Succeeded).ToList();
            if (refused.Count > 0)
                throw new ImException(refused[0].Error!.Kind,
                    $"Tencent Cloud IM group '{spec.GroupId}' was created, but {refused.Count} of its members were not added: {string.Join(" ", refused.Select(r => r.Error!.Message))}",
                    refused[0].Error) { Provider = ImProvider.TencentCloud, Request = refused[0].Error!.Request };
        }

        public async Task<ImChannel?> GetGroupAsync(string groupId, CancellationToken cancellationToken)
        {
            var groups = await GetGroupInfosAsync(new[] { ValidGroupId(groupId) }, cancellationToken).ConfigureAwait(false);
            return groups.FirstOrDefault();
        }

        /// <summary>destroy_group; an unknown group is NotFound (10010).</summary>
        public async Task RemoveGroupAsync(string groupId, CancellationToken cancellationToken) =>
            await CallAsync("group_open_http_svc/destroy_group", new GroupIdBody { GroupId = ValidGroupId(groupId) }, RetrySafety.NotProcessedOnly, cancellationToken).ConfigureAwait(false);

        /// <summary>Every group: get_appid_group_list pages of <paramref name="pageSize"/> ids (at most 10,000), each read with get_group_info 50 at a time.</summary>
        public async IAsyncEnumerable<ImChannel> ListGroupsAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (pageSize < 1 || pageSize > MaxGroupListPage)
                throw new ImInputException("PageSize", $"-PageSize must be 1 to {MaxGroupListPage} on Tencent Cloud IM (get_appid_group_list's Limit).");
            var body = new GroupListBody { Limit = pageSize, Next = 0 };
            while (true)
            {
                var page = await CallAsync("group_open_http_svc/get_appid_group_list", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
                var ids = page.TryGetProperty("GroupIdList", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(g => g.GetString("GroupId")).Where(g => g != null).Select(g => g!).ToList()
                    : new List<string>();
                foreach (var chunk in Chunk(ids, MaxGroupInfoIds))
                    foreach (var group in await GetGroupInfosAsync(chunk, cancellationToken).ConfigureAwait(false))
                        yield return group;
                // Next is unsigned 64-bit: read as a 32-bit number it would be cut and paging would go wrong.
                var next = page.TryGetProperty("Next", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetUInt64(out var value) ? value : 0UL;
                if (next == 0 || next == body.Next || ids.Count == 0) yield break;
                body.Next = next;
            }
        }

        /// <summary>get_group_info for at most 50 ids; a group the server does not know (its item's ErrorCode 10010) is left out.</summary>
        private async Task<IReadOnlyList<ImChannel>> GetGroupInfosAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
        {
            const string api = "group_open_http_svc/get_group_info";
            var answer = await CallAsync(api, new GroupInfoBody { GroupIdList = groupIds.ToArray() }, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            var groups = new List<ImChannel>();
            if (!answer.TryGetProperty("GroupInfo", out var infos) || infos.ValueKind != JsonValueKind.Array) return groups;
            foreach (var info in infos.EnumerateArray())
            {
                var code = info.GetInt("ErrorCode") ?? 0;
                if (code == GroupNotFound) continue;
                if (code != 0) throw TencentResponse.ItemFailure(code, $"group '{info.GetString("GroupId")}'", api);
                groups.Add(ToChannel(info));
            }
            return groups;
        }

        private const int GroupNotFound = 10010;

        private ImChannel ToChannel(JsonElement info)
        {
            var nextSeq = info.GetLong("NextMsgSeq") ?? 0;
            var lastMessage = info.GetLong("LastMsgTime") ?? 0;
            return new ImChannel
            {
                ChannelId = info.GetString("GroupId") ?? string.Empty,
                ChannelType = ChannelType.Group,
                Name = info.GetString("Name"),
                Owner = string.IsNullOrEmpty(info.GetString("Owner_Account")) ? null : info.GetString("Owner_Account"),
                GroupType = ParseGroupType(info.GetString("Type")),
                MemberCount = info.GetInt("MemberNum"),
                SubscriberCount = info.GetInt("MemberNum") ?? 0,
                LastMessageSequence = nextSeq > 0 ? nextSeq - 1 : 0,
                LastMessageTime = lastMessage > 0 ? DateTimeOffset.FromUnixTimeSeconds(lastMessage) : (DateTimeOffset?)null,
                CreatedAt = info.GetUnixTime("CreateTime"),
            };
        }

        /// <summary>The REST names, and the newer names for two of them (Work = Private, Meeting = ChatRoom).</summary>
        private static GroupType? ParseGroupType(string? type)
        {
            switch (type)
            {
                case "Work": return GroupType.Private;
                case "Meeting": return GroupType.ChatRoom;
                case null: return null;
                default: return Enum.TryParse<GroupType>(type, out var parsed) ? parsed : (GroupType?)null;
            }
        }

        /// <summary>A custom GroupId: printable ASCII, at most 48 bytes, not starting @TGS# (a Community's must start @TGS#_).</summary>
        private static void CheckCustomGroupId(string groupId, GroupType type)
        {
            ValidGroupId(groupId);
            if (groupId.Any(c => c < ' ' || c > '~'))
                throw new ImInputException("ChannelId", $"-ChannelId '{groupId}' has characters other than printable ASCII, which a Tencent Cloud IM GroupId may not have.");
            var community = type == GroupType.Community;
            if (community ? !groupId.StartsWith("@TGS#_", StringComparison.Ordinal) : groupId.StartsWith("@TGS#", StringComparison.Ordinal))
                throw new ImInputException("ChannelId", community
                    ? $"-ChannelId '{groupId}': a Community's own GroupId must start with '@TGS#_'."
                    : $"-ChannelId '{groupId}' starts with '@TGS#', which Tencent Cloud IM keeps for the ids it assigns.");
        }
    }
}
