using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using ImAdmin.Engine.Batching;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Engine.Channels
{
    /// <summary>
    /// Collects pipeline rows of Add-/Remove-ImChannel* per channel (a grouping over the one <see cref="RowBatcher{TKey,TItem}"/>)
    /// and hands out a batch as soon as a channel has <see cref="ChunkSize"/> users, so thousands of rows become a few
    /// calls. Memory stays bounded: when more than <see cref="MaxBuffered"/> entries wait, the oldest channel is sent early.
    /// </summary>
    public sealed class ChannelMemberBatcher
    {
        /// <summary>The WuKongIM list, or null for another provider's group members (only ids are checked then).</summary>
        private readonly ChannelMemberList? _list;
        private readonly RowBatcher<(string ChannelId, ChannelType ChannelType), Entry> _rows;
        /// <summary>The users of each channel's waiting batch.</summary>
        private readonly Dictionary<(string, ChannelType), HashSet<string>> _waiting = new Dictionary<(string, ChannelType), HashSet<string>>();

        public ChannelMemberBatcher(ChannelMemberList? list, int chunkSize = WuKongClient.MemberChunkSize, int maxBuffered = 10 * WuKongClient.MemberChunkSize)
        {
            if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize));
            _list = list;
            ChunkSize = chunkSize;
            MaxBuffered = Math.Max(maxBuffered, chunkSize);
            _rows = new RowBatcher<(string, ChannelType), Entry>(MaxBuffered);
        }

        public int ChunkSize { get; }

        public int MaxBuffered { get; }

        /// <summary>
        /// Adds one row's users and returns the batches ready to send now (often none). A bad row throws an
        /// <see cref="Errors.ImInputException"/> and leaves nothing buffered, so it fails alone.
        /// </summary>
        public IReadOnlyList<MemberBatch> Add(string channelId, ChannelType channelType, IEnumerable<string?> userIds, object source)
        {
            var ids = Validate(_list, channelId, channelType, userIds);
            var ready = new List<MemberBatch>();
            var key = (channelId, channelType);
            foreach (var id in ids)
            {
                if (!_waiting.TryGetValue(key, out var waiting)) _waiting.Add(key, waiting = new HashSet<string>(StringComparer.Ordinal));
                // A user already waiting is sent once; its row still joins the batch, as a target of that user's outcome.
                ready.AddRange(_rows.Add(key, new Entry(id, source, waiting.Add(id)), ChunkSize).Select(Handed));
            }
            return ready;
        }

        /// <summary>
        /// The row's distinct user ids, or an <see cref="Errors.ImInputException"/> naming what is wrong with the row
        /// (checked before a confirmation prompt, so a bad row is never offered for confirmation).
        /// </summary>
        public static IReadOnlyList<string> Validate(ChannelMemberList? list, string channelId, ChannelType channelType, IEnumerable<string?> userIds)
        {
            if (list == null) ChannelInput.RequireId(channelId);
            else ChannelInput.RequireWritable(channelId, channelType);
            if (list == ChannelMemberList.Subscribers) ChannelInput.RequireSubscribable(channelType, "ChannelType");
            var ids = ChannelInput.DistinctUserIds(userIds, "UserId");
            if (ids.Count == 0) throw new Errors.ImInputException("UserId", "The row has no user id: give -UserId or a UserId column.");
            return ids;
        }

        /// <summary>Everything still waiting, oldest channel first (call at the end of the pipeline).</summary>
        public IReadOnlyList<MemberBatch> Flush() => _rows.Flush().Select(Handed).ToList();

        private MemberBatch Handed(RowBatch<(string ChannelId, ChannelType ChannelType), Entry> batch)
        {
            _waiting.Remove(batch.Key);
            var userIds = batch.Items.Where(e => e.First).Select(e => e.UserId).ToList();
            var sources = batch.Items.Select(e => e.Source).Distinct(ByReference.Instance).ToList();
            var sourcesByUser = batch.Items.GroupBy(e => e.UserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Source).Distinct(ByReference.Instance).ToList(), StringComparer.Ordinal);
            return new MemberBatch(batch.Key.ChannelId, batch.Key.ChannelType, userIds, sources, sourcesByUser);
        }

        /// <summary>
        /// One user of a row; <see cref="First"/> when the user is new to the waiting batch (only those are sent). Rows
        /// are told apart by reference (two equal CSV rows are two rows).
        /// </summary>
        private readonly struct Entry
        {
            public Entry(string userId, object source, bool first)
            {
                UserId = userId;
                Source = source;
                First = first;
            }

            public string UserId { get; }
            public object Source { get; }
            public bool First { get; }
        }

        private sealed class ByReference : IEqualityComparer<object>
        {
            public static readonly ByReference Instance = new ByReference();
            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);
            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
