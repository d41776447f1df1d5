using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Diagnostics;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Json;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// Channels (see docs/server-behaviour/wukongim.md, 'Channels'). Every write here is idempotent (a repeat stores the same state), so the
    /// retry handler may repeat them after a lost answer.
    /// </summary>
    public sealed partial class WuKongClient
    {
        /// <summary>The channel, or null when it does not exist. The only read of channel flags the server has.</summary>
        public async Task<ImChannel?> FindChannelAsync(string channelId, ChannelType channelType, CancellationToken cancellationToken)
        {
            ChannelInput.RequireReadable(channelId, channelType);
            // Only channel_id and channel_type: the other filters of this search crash v2.2.5 (HTTP 500).
            var path = $"/cluster/channels?channel_id={Uri.EscapeDataString(channelId)}&channel_type={(int)channelType}";
            var body = await GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
            var search = body.ValueKind == JsonValueKind.Object ? JsonSerializer.Deserialize<WuKongChannelSearch>(body.GetRawText(), ImJson.Options) : null;
            var info = search?.Data?.FirstOrDefault(c => c.ChannelId == channelId && c.ChannelType == (int)channelType);
            return info == null ? null : ToChannel(info);
        }

        /// <summary>The channel, or a NotFound <see cref="ImException"/>.</summary>
        public async Task<ImChannel> GetChannelAsync(string channelId, ChannelType channelType, CancellationToken cancellationToken) =>
            await FindChannelAsync(channelId, channelType, cancellationToken).ConfigureAwait(false) ?? throw ChannelNotFound(channelId, channelType);

        /// <summary>
        /// POST /channel: creates the channel, or overwrites every flag of an existing one (the server's upsert), and
        /// adds the subscribers. Flags not given are written as off. Returns what was written.
        /// </summary>
        public async Task<ChannelState> NewChannelAsync(ChannelSettings settings, CancellationToken cancellationToken)
        {
            var subscribers = settings.ValidateForCreate();
            var state = new ChannelState(settings.ChannelId, settings.ChannelType, settings.Ban ?? false, settings.SendBan ?? false,
                settings.AllowStranger ?? false, disband: false);
            var chunks = InChunks(subscribers, MemberChunkSize);
            var body = new WuKongChannelBody(state) { Subscribers = chunks.Count == 0 ? null : chunks[0] };
            await PostJsonAsync("/channel", body, cancellationToken).ConfigureAwait(false);
            // A long list: the first chunk went with the channel, the rest go through subscriber_add.
            foreach (var chunk in chunks.Skip(1))
                await SendSubscriberAddAsync(settings.ChannelId, settings.ChannelType, chunk, reset: false, temporary: false, cancellationToken).ConfigureAwait(false);
            return state;
        }

        /// <summary>
        /// POST /channel/info as a read-modify-write: the server overwrites every flag, so ban and disband not given
        /// are read first and written back unchanged. Not atomic: a change made by someone else between the read
        /// and the write is lost. The channel must exist (the server would otherwise create it).
        /// </summary>
        public async Task<ChannelState> SetChannelAsync(ChannelSettings settings, CancellationToken cancellationToken)
        {
            settings.ValidateForUpdate();
            var current = await GetChannelAsync(settings.ChannelId, settings.ChannelType, cancellationToken).ConfigureAwait(false);
            if (!settings.Ban.HasValue) ImLog.Verbose($"Keeping ban={current.Ban} of {settings.ChannelType} channel '{settings.ChannelId}' as read from the server.");
            var state = new ChannelState(settings.ChannelId, settings.ChannelType, settings.Ban ?? current.Ban, settings.SendBan ?? false,
                settings.AllowStranger ?? false, current.Disband);
            await PostJsonAsync("/channel/info", new WuKongChannelBody(state), cancellationToken).ConfigureAwait(false);
            return state;
        }

        /// <summary>The channel as the server reports it after a write, with the flags it cannot report taken from that write.</summary>
        public async Task<ImChannel> ReadBackAsync(ChannelState written, CancellationToken cancellationToken)
        {
            var channel = await GetChannelAsync(written.ChannelId, written.ChannelType, cancellationToken).ConfigureAwait(false);
            channel.SendBan = written.SendBan;
            channel.AllowStranger = written.AllowStranger;
            return channel;
        }

        /// <summary>
        /// POST /channel/delete: the server marks the channel disbanded (its messages and members stay readable and
        /// new messages are dropped). A channel that does not exist still succeeds, so a repeat is harmless.
        /// </summary>
        public Task RemoveChannelAsync(string channelId, ChannelType channelType, CancellationToken cancellationToken)
        {
            ChannelInput.RequireWritable(channelId, channelType);
            if (channelType == ChannelType.Person)
                throw new ImInputException("ChannelType",
                    "WuKongIM cannot delete person channels (the server refuses with a misleading message about subscribers). " +
                    "To stop a user sending and receiving, use Set-ImChannel -ChannelType Person -Ban $true.");
            return PostJsonAsync("/channel/delete", new WuKongChannelReference { ChannelId = channelId, ChannelType = (int)channelType }, cancellationToken);
        }

        private static ImException ChannelNotFound(string channelId, ChannelType channelType) =>
            new ImException(ImErrorKind.NotFound, $"WuKongIM has no {channelType} channel '{channelId}'. Create it with New-ImChannel.")
            {
                Provider = Sessions.ImProvider.WuKongIM,
            };

        private static ImChannel ToChannel(WuKongChannelInfo info) => new ImChannel
        {
            ChannelId = info.ChannelId!,
            ChannelType = (ChannelType)info.ChannelType,
            Ban = info.Ban == 1,
            Disband = info.Disband == 1,
            SubscriberCount = info.SubscriberCount,
            BlacklistCount = info.DenylistCount,
            WhitelistCount = info.AllowlistCount,
            LastMessageSequence = info.LastMsgSeq,
            LastMessageTime = FromUnixNanoseconds(info.LastMsgTime),
            CreatedAt = FromUnixNanoseconds(info.CreatedAt),
            UpdatedAt = FromUnixNanoseconds(info.UpdatedAt),
        };

        private static DateTimeOffset? FromUnixNanoseconds(long value) =>
            value <= 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(value / 100);
    }
}
