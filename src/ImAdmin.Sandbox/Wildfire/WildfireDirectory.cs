using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// Who and what exists on the sandbox server: users (as <c>InputOutputUserInfo</c> JSON), groups, chatrooms and
/// channels. Like a fresh server it starts with the user <c>admin</c> and the chatrooms chatroom1..3 that the
/// server's database migrations create. There is no device or secret-chat store, so such targets never exist.
/// </summary>
public sealed class WildfireDirectory
{
    private readonly Func<DateTimeOffset> _now;
    private readonly ConcurrentDictionary<string, JsonObject> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _chatrooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _channels = new(StringComparer.Ordinal);

    public WildfireDirectory(Func<DateTimeOffset> now)
    {
        _now = now;
        PutUser(new JsonObject { ["userId"] = "admin", ["name"] = "admin", ["displayName"] = "系统管理员", ["type"] = 3 });
        for (var i = 1; i <= 3; i++) _chatrooms[$"chatroom{i}"] = $"火信聊天室{i}";
    }

    public IReadOnlyCollection<string> UserIds => _users.Keys.ToList();

    /// <summary>Adds or replaces a user (create is create-or-update on the server); stamps updateDt.</summary>
    public void PutUser(JsonObject user)
    {
        user["updateDt"] = _now().ToUnixTimeMilliseconds();
        _users[(string)user["userId"]!] = user;
    }

    /// <summary>A copy of the first user matching the given id, name or mobile, in that order of preference.</summary>
    public JsonObject? FindUser(string? userId, string? name, string? mobile)
    {
        JsonObject? user = null;
        if (!string.IsNullOrEmpty(userId)) _users.TryGetValue(userId, out user);
        else if (!string.IsNullOrEmpty(name)) user = _users.Values.FirstOrDefault(u => (string?)u["name"] == name);
        else if (!string.IsNullOrEmpty(mobile)) user = _users.Values.FirstOrDefault(u => (string?)u["mobile"] == mobile);
        return (JsonObject?)user?.DeepClone();
    }

    public void PutGroup(string groupId, IReadOnlyList<string> members) => _groups[groupId] = members;

    public IReadOnlyList<string>? GroupMembers(string groupId) => _groups.TryGetValue(groupId, out var members) ? members : null;

    public void PutChatroom(string chatroomId, string title) => _chatrooms[chatroomId] = title;

    public void PutChannel(string channelId, string name) => _channels[channelId] = name;

    /// <summary>Whether the target of a conversation of <paramref name="type"/> exists (the server answers 253 if not).</summary>
    public bool Exists(int type, string target) => type switch
    {
        0 => _users.ContainsKey(target),
        1 => _groups.ContainsKey(target),
        2 => _chatrooms.ContainsKey(target),
        3 => _channels.ContainsKey(target),
        _ => false,
    };

    /// <summary>A server-style short id for a user, group, chatroom or channel created without one.</summary>
    public static string NewShortId() => Guid.NewGuid().ToString("N")[..10];

    public void Seed()
    {
        foreach (var (id, name) in new[] { ("alice", "Alice"), ("bob", "Bob"), ("carol", "Carol") })
            PutUser(new JsonObject { ["userId"] = id, ["name"] = id, ["displayName"] = name, ["type"] = 0 });
        PutGroup("demo-group", new[] { "alice", "bob", "carol" });
        PutChannel("demo-channel", "Announcements");
    }
}
