namespace ImAdmin.Sandbox;

/// <summary>Credentials and ports of the sandbox's three servers. Ports 0 pick free ports (tests).</summary>
public sealed record SandboxOptions
{
    public int WuKongIMPort { get; init; }
    public int TencentPort { get; init; }
    public int WildfirePort { get; init; }

    /// <summary>WuKongIM managerToken; null runs the API unauthenticated, as a default WuKongIM install does.</summary>
    public string? WuKongToken { get; init; } = "sandbox-token";

    /// <summary>The WuKongIM release /varz reports; v2.2.1–2.2.3 have POST /event instead of POST /message/event.</summary>
    public string WuKongVersion { get; init; } = WuKongIM.WuKongSandbox.Version;

    /// <summary>Whether the wk.plugin.search plugin is installed (a default WuKongIM install has none).</summary>
    public bool WuKongSearchPlugin { get; init; }

    /// <summary>
    /// How long an accepted WuKongIM send takes to become readable (the server answers before the channel stores
    /// the message). Zero: readable at once.
    /// </summary>
    public TimeSpan WuKongStoreDelay { get; init; }

    public long TencentSdkAppId { get; init; } = 1400000000;

    /// <summary>Tencent secret key (the sample key of Tencent's own tests).</summary>
    public string TencentSecretKey { get; init; } = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    /// <summary>Tencent app admin accounts.</summary>
    public IReadOnlyList<string> TencentAdmins { get; init; } = ["administrator"];

    /// <summary>Tencent's per-API limit (calls per second per SDKAppID); beyond it calls answer ErrorCode 60007.</summary>
    public int TencentCallsPerSecond { get; init; } = 200;

    /// <summary>Tencent batchsendmsg recipients per minute (each recipient counts as one message).</summary>
    public int TencentBatchRecipientsPerMinute { get; init; } = 12000;

    /// <summary>Wildfire http.admin.secret_key.</summary>
    public string WildfireSecret { get; init; } = "sandbox-secret";

    /// <summary>Wildfire http.admin.no_check_time (true disables the 2-hour timestamp check).</summary>
    public bool WildfireNoCheckTime { get; init; }

    /// <summary>Wildfire http.admin.rate_limit: admin requests per 10 s, one bucket shared by every admin caller.</summary>
    public int WildfireRateLimit { get; init; } = 10000;

    /// <summary>
    /// Emulate a WildfireChat professional-edition server: the pro-only admin routes (message delete, update, clear,
    /// conversation delete, recall_broadcast, read and delivery times) exist. Off, they answer an empty HTTP 500 as on a
    /// community server.
    /// </summary>
    public bool WildfireProfessional { get; init; }

    /// <summary>
    /// Whether the Wildfire server has /admin/user/batch_get_infos (builds newer than the 2024-03 community snapshot);
    /// off, the route answers an empty HTTP 500 like any route without a handler.
    /// </summary>
    public bool WildfireBatchUserInfo { get; init; } = true;

    /// <summary>The sandbox clock (UserSig expiry, Wildfire timestamp checks).</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>Where the command line writes <see cref="SandboxCommandLine.ReadyJson"/> once listening.</summary>
    public string? ReadyFile { get; init; }

    /// <summary>The command line stops when this process exits.</summary>
    public int? ParentProcessId { get; init; }

    /// <summary>The command line stops after this long.</summary>
    public TimeSpan? StopAfter { get; init; }

    /// <summary>Adds demo users, connections and messages so a newcomer sees data at once.</summary>
    public bool Seed { get; init; }
}
