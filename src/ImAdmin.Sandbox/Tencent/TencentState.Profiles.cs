namespace ImAdmin.Sandbox.Tencent;

/// <summary>Account deletion and the profile tags of each account (Tag → value as set).</summary>
public sealed partial class TencentState
{
    private readonly Dictionary<string, Dictionary<string, string>> _profiles = new(StringComparer.Ordinal);

    /// <summary>account_delete: false when the account was never imported. Its profile goes with it.</summary>
    public bool Delete(string userId)
    {
        lock (_gate)
        {
            _profiles.Remove(userId);
            return _accounts.Remove(userId);
        }
    }

    /// <summary>Sets profile tags of an imported account; false when it does not exist.</summary>
    public bool SetProfile(string userId, IEnumerable<KeyValuePair<string, string>> tags)
    {
        lock (_gate)
        {
            if (!_accounts.Contains(userId)) return false;
            if (!_profiles.TryGetValue(userId, out var profile)) _profiles[userId] = profile = new(StringComparer.Ordinal);
            foreach (var (tag, value) in tags) profile[tag] = value;
            return true;
        }
    }

    /// <summary>The tags that were set on an account (a tag never set is absent); null when the account does not exist.</summary>
    public IReadOnlyDictionary<string, string>? Profile(string userId)
    {
        lock (_gate)
        {
            if (!_accounts.Contains(userId)) return null;
            return _profiles.TryGetValue(userId, out var profile) ? new Dictionary<string, string>(profile) : new Dictionary<string, string>();
        }
    }
}
