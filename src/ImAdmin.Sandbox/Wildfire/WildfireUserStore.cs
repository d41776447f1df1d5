using System.Text.Json.Nodes;

namespace ImAdmin.Sandbox.Wildfire;

/// <summary>A failed write of a <c>t_user</c> row: the server answers code 4 with the exception's text as msg.</summary>
public sealed class WildfireRowException(string message) : Exception(message);

/// <summary>
/// The <c>t_user</c> table as the server uses it: create is an upsert on the user id that replaces every column (a
/// field left out becomes "" or 0) and clears the deleted mark, the login name is unique across every row (destroyed
/// ones too), short columns are VARCHAR(64) and the portrait VARCHAR(1024), rows keep their creation order (user/all
/// pages by it), and destroy only marks a row deleted. Block statuses live apart and survive a destroy.
/// </summary>
public sealed class WildfireUserStore(Func<DateTimeOffset> now)
{
    /// <summary>The columns of a user result, in the order Gson writes InputOutputUserInfo (password is never written).</summary>
    public static readonly string[] StringFields = { "name", "displayName", "portrait", "mobile", "email", "address", "company", "social", "extra" };

    private static readonly string[] ShortColumns = { "userId", "name", "displayName", "mobile", "email", "address", "company", "social" };
    private const int ShortColumnLength = 64;
    private const int PortraitLength = 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _blockStatus = new(StringComparer.Ordinal);
    private long _created;

    private sealed class Row(JsonObject info, long created)
    {
        public JsonObject Info { get; set; } = info;
        public long Created { get; } = created;
        public bool Deleted { get; set; }
    }

    /// <summary>Ids of the users that are not destroyed.</summary>
    public IReadOnlyList<string> Ids
    {
        get { lock (_gate) return _rows.Where(r => !r.Value.Deleted).OrderBy(r => r.Value.Created).Select(r => r.Key).ToList(); }
    }

    /// <summary>
    /// create: replaces (or inserts) the whole row. Throws <see cref="WildfireRowException"/> for a login name another
    /// row has or a value longer than its column, and then changes nothing.
    /// </summary>
    public void Upsert(JsonObject info)
    {
        var userId = (string)info["userId"]!;
        var row = Complete(userId, info);
        lock (_gate)
        {
            CheckRow(row);
            if (_rows.TryGetValue(userId, out var existing))
            {
                Rename(existing.Info, row);
                existing.Info = row;
                existing.Deleted = false;
            }
            else
            {
                _idByName[(string)row["name"]!] = userId;
                _rows[userId] = new Row(row, ++_created);
            }
        }
    }

    /// <summary>
    /// update: changes the flagged fields only (a flagged field missing from <paramref name="info"/> is cleared). A
    /// destroyed user is still found. False when there is no row with the id.
    /// </summary>
    public bool Update(string userId, IReadOnlyList<string> fields, JsonObject info)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(userId, out var existing)) return false;
            var row = (JsonObject)existing.Info.DeepClone();
            foreach (var field in fields) row[field] = info[field]?.DeepClone() ?? (field == "gender" ? 0 : "");
            row["updateDt"] = now().ToUnixTimeMilliseconds();
            CheckRow(row);
            Rename(existing.Info, row);
            existing.Info = row;
            return true;
        }
    }

    /// <summary>
    /// destroy: marks the row deleted, sets name to the id and empties the other fields; the display name is kept
    /// (user.keep_display_name_when_destroy defaults to true). False when there is no such user.
    /// </summary>
    public bool Destroy(string userId)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(userId, out var row) || row.Deleted) return false;
            var info = Complete(userId, new JsonObject { ["name"] = userId, ["displayName"] = (string?)row.Info["displayName"], ["type"] = (int)row.Info["type"]! });
            Rename(row.Info, info);
            row.Info = info;
            row.Deleted = true;
            return true;
        }
    }

    /// <summary>get_info: the first of id, name or mobile that is given; destroyed users are not found.</summary>
    public JsonObject? Find(string? userId, string? name, string? mobile)
    {
        lock (_gate)
        {
            var live = _rows.Values.Where(r => !r.Deleted);
            var row = !string.IsNullOrEmpty(userId) ? live.FirstOrDefault(r => (string?)r.Info["userId"] == userId)
                : !string.IsNullOrEmpty(name) ? live.FirstOrDefault(r => (string?)r.Info["name"] == name)
                : live.FirstOrDefault(r => (string?)r.Info["mobile"] == mobile);
            return (JsonObject?)row?.Info.DeepClone();
        }
    }

    /// <summary>batch_get_infos: the rows with these ids in the order asked, unknown ids skipped, destroyed rows included.</summary>
    public IReadOnlyList<JsonObject> FindMany(IEnumerable<string> userIds)
    {
        lock (_gate)
            return userIds.Select(id => _rows.TryGetValue(id, out var row) ? (JsonObject)row.Info.DeepClone() : null).OfType<JsonObject>().ToList();
    }

    /// <summary>user/all: live rows in creation order.</summary>
    public IReadOnlyList<JsonObject> Page(int offset, int count)
    {
        lock (_gate)
            return _rows.Values.Where(r => !r.Deleted).OrderBy(r => r.Created).Skip(offset).Take(count).Select(r => (JsonObject)r.Info.DeepClone()).ToList();
    }

    public bool Exists(string userId)
    {
        lock (_gate) return _rows.TryGetValue(userId, out var row) && !row.Deleted;
    }

    /// <summary>update_block_status stores any integer; 0 removes the entry.</summary>
    public void SetBlockStatus(string userId, int status)
    {
        lock (_gate)
        {
            if (status == 0) _blockStatus.Remove(userId);
            else _blockStatus[userId] = status;
        }
    }

    /// <summary>0 when never set, also for unknown users.</summary>
    public int BlockStatus(string userId)
    {
        lock (_gate) return _blockStatus.TryGetValue(userId, out var status) ? status : 0;
    }

    /// <summary>get_blocked_list: the non-zero statuses.</summary>
    public IReadOnlyList<(string UserId, int Status)> Blocked()
    {
        lock (_gate) return _blockStatus.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>A row with every column: user and group results carry empty strings and zeros, never missing fields.</summary>
    private JsonObject Complete(string userId, JsonObject info)
    {
        var row = new JsonObject { ["userId"] = userId };
        foreach (var field in StringFields) row[field] = (string?)info[field] ?? "";
        row["gender"] = (int?)info["gender"] ?? 0;
        row["type"] = (int?)info["type"] ?? 0;
        row["updateDt"] = now().ToUnixTimeMilliseconds();
        return row;
    }

    private void CheckRow(JsonObject row)
    {
        var userId = (string)row["userId"]!;
        var name = (string?)row["name"];
        if (name != null && _idByName.TryGetValue(name, out var owner) && owner != userId)
            throw new WildfireRowException("用户名不能重复，必须唯一！！！");
        foreach (var column in ShortColumns)
            if (((string?)row[column])?.Length > ShortColumnLength) throw TooLong(column, ShortColumnLength);
        if (((string?)row["portrait"])?.Length > PortraitLength) throw TooLong("portrait", PortraitLength);
    }

    private void Rename(JsonObject before, JsonObject after)
    {
        _idByName.Remove((string)before["name"]!);
        _idByName[(string)after["name"]!] = (string)after["userId"]!;
    }

    // H2's text (the server's default embedded database); MySQL words it differently.
    private static WildfireRowException TooLong(string field, int length)
    {
        var column = field switch { "userId" => "uid", "displayName" => "display_name", _ => field };
        return new($"Value too long for column \"_{column.ToUpperInvariant()} CHARACTER VARYING({length})\"");
    }
}
