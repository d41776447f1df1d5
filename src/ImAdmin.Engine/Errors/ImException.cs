using System;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Errors
{
    /// <summary>
    /// Every failure the engine reports. A server failure keeps the server's own code and message
    /// (<see cref="ServerCode"/>, <see cref="ServerMessage"/>) next to the HTTP status, so support tickets can quote them.
    /// The message never contains a secret: URLs are logged and reported without their query strings.
    /// </summary>
    public class ImException : Exception
    {
        public ImException(ImErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
        }

        public ImErrorKind Kind { get; }

        public ImProvider? Provider { get; init; }

        /// <summary>HTTP status of the answer, when there was one.</summary>
        public int? HttpStatus { get; init; }

        /// <summary>The provider's own error code (WuKongIM status, Tencent ErrorCode, Wildfire code).</summary>
        public int? ServerCode { get; init; }

        /// <summary>The provider's own error text, unchanged.</summary>
        public string? ServerMessage { get; init; }

        /// <summary>Method and path of the failed call, without query string.</summary>
        public string? Request { get; init; }

        /// <summary>The parameter a bad-input error is about, when known.</summary>
        public string? ParameterName { get; init; }

        /// <summary>Whether the failed call may have changed state on the server (the response was lost).</summary>
        public bool OutcomeUnknown { get; init; }

        /// <summary>
        /// No later call of a bulk run can succeed either: the credentials are rejected or the server refuses
        /// connections. Anything else (a 5xx, a broken connection) fails only its own rows.
        /// </summary>
        public bool EndsRun => Kind == ImErrorKind.Authentication || (Kind == ImErrorKind.ConnectionFailed && !OutcomeUnknown);
    }
}
