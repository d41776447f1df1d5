using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Models
{
    /// <summary>Output of Test-ImServer: whether the server answered and accepted the session's credentials.</summary>
    public sealed class ImServerTestResult
    {
        public string Name { get; set; } = string.Empty;
        public ImProvider Provider { get; set; }
        public Uri? Uri { get; set; }
        public bool Reachable { get; set; }
        public bool Authenticated { get; set; }
        public string? ServerVersion { get; set; }
        public TimeSpan Latency { get; set; }
        public string? Error { get; set; }

        /// <summary>True when the server answered and accepted the credentials.</summary>
        public bool Succeeded => Reachable && Authenticated;
    }
}
