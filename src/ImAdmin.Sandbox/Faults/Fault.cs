namespace ImAdmin.Sandbox.Faults;

/// <summary>
/// One injected failure: requests whose path starts with <see cref="Path"/> get <see cref="Status"/> (and
/// <see cref="Body"/>, <see cref="RetryAfter"/>) instead of the real answer, <see cref="Times"/> times.
/// With <see cref="AfterProcessing"/> the request is handled first and only its answer is replaced: a lost response.
/// With <see cref="Rate"/> the fault stays armed and hits each matching request with that probability, drawn from
/// <see cref="Seed"/> so a run's fault schedule can be repeated.
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

    /// <summary>Reset the connection instead of answering (with <see cref="AfterProcessing"/>: after acting).</summary>
    public bool Reset { get; init; }

    /// <summary>Probability (0–1) that a matching request gets this fault; 0 means "the next <see cref="Times"/> requests".</summary>
    public double Rate { get; init; }

    /// <summary>Seed of the draws for <see cref="Rate"/>; the same seed and request order give the same faults.</summary>
    public int Seed { get; init; }
}
