using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// A channel's subscribers, blacklist (deny list) and whitelist (allow list) (see docs/server-behaviour/wukongim.md, 'Channel members'). Adds and
    /// removes go in chunks of <see cref="MemberChunkSize"/>: the server has no limit but handles each id in turn.
    /// </summary>
    public sealed partial class WuKongClient
    {
        /// <summary>
        /// User ids per call of the list operations (channel members, online status, routes, system uids); the
        /// contract suggests at most about 1000.
        /// </summary>
        public const int MemberChunkSize = 1000;

        /// <summary>
        /// The whole list in one call: GET /cluster/channels/{id}/{type}/subscribers|denylist|allowlist, a bare
        /// string array. (GET /channel/whitelist exists too, but answers member objects; one shape for all three lists.)
        /// </summary>
        public async Task<IReadOnlyList<ImChannelMember>> GetChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, CancellationToken cancellationToken)
        {
            ChannelInput.RequireReadable(channelId, channelType);
            var path = $"/cluster/channels/{Uri.EscapeDataString(channelId)}/{(int)channelType}/{ReadSegment(list)}";
            var result = await Http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            var body = WuKongResponse.Read(result);
            if (body.ValueKind == JsonValueKind.Undefined || body.ValueKind == JsonValueKind.Null) return Array.Empty<ImChannelMember>();
            if (body.ValueKind != JsonValueKind.Array)
                throw new ImException(ImErrorKind.ServerError, $"WuKongIM answered {result.Request} with something other than a list of user ids.")
                {
                    Provider = Sessions.ImProvider.WuKongIM,
                    HttpStatus = result.Status,
                    Request = result.Request,
                };
            return body.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => new ImChannelMember(channelId, channelType, e.GetString()!))
                .ToList();
        }

        /// <summary>
        /// Adds users to a list, in chunks. <paramref name="reset"/> (subscribers only) clears the current subscribers
        /// with the first chunk; <paramref name="temporary"/> (subscribers only) asks for temporary subscribers,
        /// which v2 servers refuse: that refusal is a NotSupported <see cref="ImException"/>.
        /// </summary>
        public async Task AddChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds,
            CancellationToken cancellationToken, bool reset = false, bool temporary = false)
        {
            if ((reset || temporary) && list != ChannelMemberList.Subscribers)
                throw new ArgumentException("reset and temporary apply to subscribers only.", nameof(list));
            var chunks = ValidatedChunks(list, channelId, channelType, userIds);
            for (var i = 0; i < chunks.Count; i++)
            {
                if (list == ChannelMemberList.Subscribers)
                    await SendSubscriberAddAsync(channelId, channelType, chunks[i], reset && i == 0, temporary, cancellationToken).ConfigureAwait(false);
                else
                    await PostJsonAsync(UidListPath(list, "add"), UidList(channelId, channelType, chunks[i]), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Removes users from a list, in chunks. Removing a user who is not on it succeeds.</summary>
        public async Task RemoveChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            foreach (var chunk in ValidatedChunks(list, channelId, channelType, userIds))
            {
                if (list == ChannelMemberList.Subscribers)
                    await PostJsonAsync("/channel/subscriber_remove", new WuKongSubscriberBody { ChannelId = channelId, ChannelType = (int)channelType, Subscribers = chunk }, cancellationToken).ConfigureAwait(false);
                else
                    await PostJsonAsync(UidListPath(list, "remove"), UidList(channelId, channelType, chunk), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Replaces the blacklist or whitelist with exactly <paramref name="userIds"/> in one call (blacklist_set /
        /// whitelist_set); an empty list empties it. One call, never chunks: a replace must not stop half-way.
        /// </summary>
        public Task ReplaceChannelMembersAsync(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            if (list == ChannelMemberList.Subscribers)
                throw new ArgumentException("Subscribers are replaced with AddChannelMembersAsync(reset: true).", nameof(list));
            ChannelInput.RequireWritable(channelId, channelType);
            var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
            return PostJsonAsync(UidListPath(list, "set"), UidList(channelId, channelType, ids), cancellationToken);
        }

        private async Task SendSubscriberAddAsync(string channelId, ChannelType channelType, IReadOnlyList<string> subscribers, bool reset, bool temporary, CancellationToken cancellationToken)
        {
            var body = new WuKongSubscriberAddBody
            {
                ChannelId = channelId,
                ChannelType = (int)channelType,
                Subscribers = subscribers,
                Reset = reset ? 1 : 0,
                TempSubscriber = temporary ? 1 : 0,
            };
            try
            {
                await PostJsonAsync("/channel/subscriber_add", body, cancellationToken).ConfigureAwait(false);
            }
            catch (ImException ex) when (temporary && ex.Kind == ImErrorKind.InvalidArgument && ex.ServerMessage != null && ex.ServerMessage.Contains("临时订阅者"))
            {
                throw WuKongResponse.Restate(ex, ImErrorKind.NotSupported,
                    $"This WuKongIM server does not support temporary subscribers (-Temporary); it answered: {ex.ServerMessage} " +
                    "WuKongIM v2 dropped them. Add the users as ordinary subscribers (without -Temporary).", "Temporary");
            }
        }

        private static IReadOnlyList<IReadOnlyList<string>> ValidatedChunks(ChannelMemberList list, string channelId, ChannelType channelType, IEnumerable<string> userIds)
        {
            ChannelInput.RequireWritable(channelId, channelType);
            if (list == ChannelMemberList.Subscribers) ChannelInput.RequireSubscribable(channelType, "ChannelType");
            var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
            if (ids.Count == 0) throw new ImInputException("UserId", "No user ids were given: pass -UserId or pipe rows with a UserId column.");
            return InChunks(ids, MemberChunkSize);
        }

        private static WuKongUidListBody UidList(string channelId, ChannelType channelType, IReadOnlyList<string> ids) =>
            new WuKongUidListBody { ChannelId = channelId, ChannelType = (int)channelType, Uids = ids };

        private static string UidListPath(ChannelMemberList list, string action) =>
            (list == ChannelMemberList.Blacklist ? "/channel/blacklist_" : "/channel/whitelist_") + action;

        private static string ReadSegment(ChannelMemberList list) => list switch
        {
            ChannelMemberList.Subscribers => "subscribers",
            ChannelMemberList.Blacklist => "denylist",
            _ => "allowlist",
        };
    }
}
