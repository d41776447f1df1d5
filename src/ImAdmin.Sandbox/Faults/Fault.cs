namespace ImAdmin.Sandbox.Faults;

/// <summary>
/// One injected failure: requests whose path starts with <see cref="Path"/> get <see cref="Status"/> (and
/// <see cref="Body"/>, <see cref="RetryAfter"/>) instead of the real answer, <see cref="Times"/> times.
/// With <see cref="AfterProcessing"/> the request is handled first and only its answer is replaced: a lost response.
/// </summary>
public sealed record Fault
{
    public string Path { get; init; } = "/";
    public int Status { get; init; } = 503;
    public string? Body { get; init; }
    public string ContentType { get; init; } = "application/json";

    /// <summary>Retry-After header value: delta seconds ("2") or an HTTP date.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Delay before answering, in milliseconds (to trigger client timeouts).</summary>
    public int DelayMs { get; init; }

    public int Times { get; init; } = 1;

    public bool AfterProcessing { get; init; }
}
