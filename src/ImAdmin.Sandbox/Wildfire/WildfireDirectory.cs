using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>
/// Who and what exists on the sandbox server: users, groups, chatrooms and channels. Like a fresh server it starts
/// with the three users the server's database migrations create (the robots FireRobot and wfc_file_transfer, and the
/// admin <c>admin</c>) and the chatrooms chatroom1..3. There is no device or secret-chat store, so such targets never exist.
/// </summary>
public sealed class WildfireDirectory
{
    private const int RobotType = 1;
    private const int AdminType = 3;

    private readonly ConcurrentDictionary<string, string> _chatrooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _channels = new(StringComparer.Ordinal);

    public WildfireDirectory(Func<DateTimeOffset> now)
    {
        Users = new WildfireUserStore(now);
        Groups = new WildfireGroupStore(now);
        Users.Upsert(new JsonObject { ["userId"] = "FireRobot", ["name"] = "FireRobot", ["displayName"] = "小火", ["type"] = RobotType });
        Users.Upsert(new JsonObject { ["userId"] = "admin", ["name"] = "admin", ["displayName"] = "系统管理员", ["type"] = AdminType });
        Users.Upsert(new JsonObject { ["userId"] = "wfc_file_transfer", ["name"] = "wfc_file_transfer", ["displayName"] = "文件传输助手", ["type"] = RobotType });
        for (var i = 1; i <= 3; i++) _chatrooms[$"chatroom{i}"] = $"火信聊天室{i}";
    }

    public WildfireUserStore Users { get; }

    public WildfireGroupStore Groups { get; }

    /// <summary>Ids of the users that exist (not destroyed).</summary>
    public IReadOnlyList<string> UserIds => Users.Ids;

    public void PutChatroom(string chatroomId, string title) => _chatrooms[chatroomId] = title;

    public void PutChannel(string channelId, string name) => _channels[channelId] = name;

    /// <summary>Whether the target of a conversation of <paramref name="type"/> exists (the server answers 253 if not).</summary>
    public bool Exists(int type, string target) => type switch
    {
        0 => Users.Exists(target),
        1 => Groups.Exists(target),
        2 => _chatrooms.ContainsKey(target),
        3 => _channels.ContainsKey(target),
        _ => false,
    };

    /// <summary>A server-style short id for a user, group, chatroom or channel created without one.</summary>
    public static string NewShortId() => Guid.NewGuid().ToString("N")[..10];

    public void Seed()
    {
        foreach (var (id, name) in new[] { ("alice", "Alice"), ("bob", "Bob"), ("carol", "Carol") })
            Users.Upsert(new JsonObject { ["userId"] = id, ["name"] = id, ["displayName"] = name });
        Groups.Create("demo-group", WildfireGroupInfo.Of("demo-group", "Demo group", "alice", 2),
            new[] { Groups.NewMember("alice", type: WildfireGroupMember.Owner), Groups.NewMember("bob"), Groups.NewMember("carol") });
        PutChannel("demo-channel", "Announcements");
    }
}
