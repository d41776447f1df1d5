namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Conversations (see docs/server-behaviour/wukongim.md, 'Conversations'): one row per (user, channel) with a read pointer, a soft-delete mark and a version.
/// Unread counts the red-dot messages of others after the read pointer (and after a delete).
/// </summary>
public sealed partial class WuKongState
{
    private readonly Dictionary<(string Uid, ChannelKey Channel), ConversationRow> _conversations = new();
    private long _lastVersion;

    public sealed class ConversationRow
    {
        /// <summary>readed_to_msg_seq: a uint32 on the server, so it can wrap (setUnread on an empty channel).</summary>
        public long ReadTo { get; set; }

        /// <summary>The channel's last seq when the user deleted the conversation (0 = never).</summary>
        public long DeletedAt { get; set; }

        /// <summary>Nanoseconds of the last change.</summary>
        public long Version { get; set; }
    }

    /// <summary>One conversation as /conversation/sync reports it, captured under the lock.</summary>
    public sealed record ConversationView(ChannelKey Channel, string ChannelId, int Unread, long ReadTo, long Version, long LastSeq,
        long LastTimestamp, string LastClientMsgNo, IReadOnlyList<StoredMessage> Recents);

    /// <summary>What /conversation/sync was asked.</summary>
    public sealed record SyncQuery(string Uid, long Version, int MsgCount, bool OnlyUnread, IReadOnlyCollection<int> ExcludeTypes,
        IReadOnlyDictionary<(string ChannelId, int Type), long> LastSeqs, int Page, int PageSize);

    /// <summary>Members of a group-like channel get a conversation for each message; the channel routes own that list.</summary>
    partial void CollectSubscribers(ChannelKey channel, ISet<string> members);

    private void TrackConversations(StoredMessage message, ChannelLog log, DateTimeOffset now)
    {
        if (message.Channel.IsCmd || message.Channel.Type == ChannelKey.Live) return; // no conversations for these
        var members = new HashSet<string>(StringComparer.Ordinal);
        if (log.Pair is (var a, var b))
        {
            members.Add(a);
            members.Add(b);
        }
        else
        {
            CollectSubscribers(message.Channel, members);
            members.Add(message.From);
        }
        members.Remove(SystemUid);
        foreach (var uid in members)
        {
            var row = Row(uid, message.Channel, now);
            row.Version = NextVersion(now);
            if (uid == message.From) row.ReadTo = Math.Max(row.ReadTo, message.Seq); // one's own message is read
        }
    }

    /// <summary>The conversation row, created when missing (clearUnread and setUnread create it too).</summary>
    private ConversationRow Row(string uid, ChannelKey channel, DateTimeOffset now)
    {
        if (!_conversations.TryGetValue((uid, channel), out var row))
            _conversations[(uid, channel)] = row = new ConversationRow { Version = NextVersion(now) };
        return row;
    }

    /// <summary>/conversations/clearUnread: the read pointer moves to the channel's last seq (message_seq is ignored).</summary>
    public void ClearUnread(string uid, ChannelKey channel, DateTimeOffset now)
    {
        lock (Gate)
        {
            var row = Row(uid, channel, now);
            row.ReadTo = LastSeq(channel);
            row.Version = NextVersion(now);
        }
    }

    /// <summary>
    /// /conversations/setUnread: pointer = lastSeq − unread (lastSeq − 1 when unread exceeds it, computed in uint32 so
    /// an empty channel wraps), applied only when it moves the pointer forward.
    /// </summary>
    public void SetUnread(string uid, ChannelKey channel, int unread, DateTimeOffset now)
    {
        lock (Gate)
        {
            var row = Row(uid, channel, now);
            var last = (uint)LastSeq(channel);
            var pointer = unread > last ? unchecked(last - 1) : last - (uint)unread;
            if (pointer <= row.ReadTo) return;
            row.ReadTo = pointer;
            row.Version = NextVersion(now);
        }
    }

    /// <summary>/conversations/delete: a soft delete at the current last seq; a newer message brings it back.</summary>
    public void DeleteConversation(string uid, ChannelKey channel, DateTimeOffset now)
    {
        lock (Gate)
        {
            var row = Row(uid, channel, now);
            row.DeletedAt = LastSeq(channel);
            row.Version = NextVersion(now);
        }
    }

    /// <summary>/conversation/sync: msg_count must be &gt; 0; pages are cut before conversations without recents are dropped.</summary>
    public IReadOnlyList<ConversationView> SyncConversations(SyncQuery q)
    {
        if (q.MsgCount <= 0) return [];
        lock (Gate)
        {
            var rows = _conversations.Where(c => c.Key.Uid == q.Uid).OrderByDescending(c => c.Value.Version).ToList();
            if (q.Page > 0) rows = rows.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToList();
            var views = new List<ConversationView>();
            foreach (var ((uid, channel), row) in rows)
            {
                if (Hidden(uid, channel) || !_channels.TryGetValue(channel, out var log)) continue;
                var channelId = ChannelIdFor(uid, channel, log);
                var listed = q.LastSeqs.TryGetValue((channelId, channel.Type), out var lastSeq);
                if (!listed && q.ExcludeTypes.Contains(channel.Type)) continue;
                var after = row.DeletedAt;
                if (q.OnlyUnread || q.Version > 0) after = Math.Max(after, row.ReadTo);
                if (listed) after = Math.Max(after, lastSeq);
                var view = View(uid, channel, row, log, after, q.MsgCount);
                if (view.Recents.Count > 0) views.Add(view);
            }
            return views;
        }
    }

    /// <summary>/conversation/syncByChannels: the listed conversations of one user that exist and are not deleted.</summary>
    public IReadOnlyList<ConversationView> ConversationsOf(string uid, IEnumerable<ChannelKey> channels, int msgCount)
    {
        lock (Gate)
        {
            var views = new List<ConversationView>();
            foreach (var channel in channels.Distinct())
            {
                if (!_conversations.TryGetValue((uid, channel), out var row) || !_channels.TryGetValue(channel, out var log)) continue;
                if (log.LastSeq <= row.DeletedAt) continue;
                views.Add(View(uid, channel, row, log, row.DeletedAt, msgCount));
            }
            return views;
        }
    }

    /// <summary>The channels the user has a conversation in (the search plugin's scope).</summary>
    private IEnumerable<ChannelKey> ChannelsOf(string uid) => _conversations.Keys.Where(k => k.Uid == uid).Select(k => k.Channel);

    private ConversationView View(string uid, ChannelKey channel, ConversationRow row, ChannelLog log, long after, int msgCount)
    {
        var recents = log.Between(after, log.LastSeq).Reverse().Take(Math.Max(msgCount, 0)).ToList();
        var unread = log.Between(Math.Max(row.ReadTo, row.DeletedAt), log.LastSeq).Count(m => m.Header.RedDot == 1 && m.From != uid);
        return new ConversationView(channel, ChannelIdFor(uid, channel, log), unread, row.ReadTo, row.Version, log.LastSeq,
            log.Last?.Timestamp ?? 0, log.Last?.ClientMsgNo ?? "", recents);
    }

    /// <summary>The CMD channels and the conversation with the system uid are never listed; nor is a deleted one until a newer message.</summary>
    private bool Hidden(string uid, ChannelKey channel) =>
        channel.IsCmd || channel.Type == ChannelKey.Temp ||
        (_channels.TryGetValue(channel, out var log) && (log.Pair is (var a, var b) && (a == SystemUid || b == SystemUid) ||
                                                         _conversations[(uid, channel)].DeletedAt >= log.LastSeq));

    private static string ChannelIdFor(string uid, ChannelKey channel, ChannelLog log) =>
        log.Pair is (var a, var b) ? (a == uid ? b : a) : channel.Id;

    private long LastSeq(ChannelKey channel) => _channels.TryGetValue(channel, out var log) ? log.LastSeq : 0;

    private long NextVersion(DateTimeOffset now)
    {
        _lastVersion = Math.Max(now.ToUnixTimeMilliseconds() * 1_000_000, _lastVersion + 1);
        return _lastVersion;
    }
}
