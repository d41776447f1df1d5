using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// GET /varz as the server sends it (see docs/server-behaviour/wukongim.md, 'Server state'). The docs' and SDK's NATS-style git_commit, go_version, start,
    /// now, total_connections, slow_consumers, subscriptions, http_req_stats and config do not exist;
    /// conversation_cache_count exists but is always 0, so it is not read.
    /// </summary>
    internal sealed class WuKongVarz
    {
        [JsonPropertyName("server_id")] public string? ServerId { get; set; }
        [JsonPropertyName("server_name")] public string? ServerName { get; set; }
        [JsonPropertyName("version")] public string? Version { get; set; }
        [JsonPropertyName("connections")] public int Connections { get; set; }
        [JsonPropertyName("user_handler_count")] public int UserHandlerCount { get; set; }
        [JsonPropertyName("user_handler_conn_count")] public int UserHandlerConnCount { get; set; }
        [JsonPropertyName("uptime")] public string? Uptime { get; set; }
        [JsonPropertyName("goroutine")] public int Goroutine { get; set; }
        [JsonPropertyName("mem")] public long Mem { get; set; }
        [JsonPropertyName("cpu")] public double Cpu { get; set; }
        [JsonPropertyName("in_msgs")] public long InMsgs { get; set; }
        [JsonPropertyName("out_msgs")] public long OutMsgs { get; set; }
        [JsonPropertyName("in_bytes")] public long InBytes { get; set; }
        [JsonPropertyName("out_bytes")] public long OutBytes { get; set; }
        [JsonPropertyName("slow_clients")] public long SlowClients { get; set; }
        [JsonPropertyName("retry_queue")] public long RetryQueue { get; set; }
        [JsonPropertyName("tcp_addr")] public string? TcpAddr { get; set; }
        [JsonPropertyName("ws_addr")] public string? WsAddr { get; set; }
        [JsonPropertyName("wss_addr")] public string? WssAddr { get; set; }
        [JsonPropertyName("manager_addr")] public string? ManagerAddr { get; set; }
        [JsonPropertyName("manager_on")] public int ManagerOn { get; set; }
        [JsonPropertyName("api_url")] public string? ApiUrl { get; set; }
        [JsonPropertyName("commit")] public string? Commit { get; set; }
        [JsonPropertyName("commit_date")] public string? CommitDate { get; set; }
        [JsonPropertyName("tree_state")] public string? TreeState { get; set; }
        [JsonPropertyName("manager_uid")] public string? ManagerUid { get; set; }
        [JsonPropertyName("manager_token_on")] public int ManagerTokenOn { get; set; }
        [JsonPropertyName("conns")] public List<WuKongConnInfo>? Conns { get; set; }
    }

    /// <summary>GET /migrate/result. last_err is a Go error serialised as null or {}, never a string.</summary>
    internal sealed class WuKongMigrateResult
    {
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("step")] public string? Step { get; set; }
        [JsonPropertyName("last_err")] public JsonElement LastErr { get; set; }
        [JsonPropertyName("try_count")] public int TryCount { get; set; }
    }
}
