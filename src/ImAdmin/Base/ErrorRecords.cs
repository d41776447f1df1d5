using System;
using System.Management.Automation;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Base
{
    /// <summary>Turns engine exceptions into error records with a stable id, a fitting category and the server's code.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, string errorId, object? target)
        {
            var category = exception is ImException im ? CategoryOf(im.Kind) : ErrorCategory.NotSpecified;
            var record = new ErrorRecord(exception, errorId, category, target);
            if (exception is ImException ex)
            {
                var advice = RecommendationFor(ex);
                if (ex.ServerCode.HasValue || ex.HttpStatus.HasValue || advice != null)
                    record.ErrorDetails = new ErrorDetails(ex.ServerCode.HasValue ? $"{ex.Message} [server code {ex.ServerCode}]" : ex.Message)
                    {
                        RecommendedAction = advice,
                    };
            }
            return record;
        }

        public static ErrorCategory CategoryOf(ImErrorKind kind) => kind switch
        {
            ImErrorKind.Authentication => ErrorCategory.AuthenticationError,
            ImErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ImErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ImErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ImErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
            ImErrorKind.Timeout => ErrorCategory.OperationTimeout,
            ImErrorKind.ConnectionFailed => ErrorCategory.ConnectionError,
            ImErrorKind.Unavailable => ErrorCategory.ResourceUnavailable,
            ImErrorKind.ServerError => ErrorCategory.InvalidResult,
            ImErrorKind.NotSupported => ErrorCategory.NotImplemented,
            ImErrorKind.InvalidState => ErrorCategory.InvalidOperation,
            ImErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
            _ => ErrorCategory.NotSpecified,
        };

        private static string? RecommendationFor(ImException ex) => ex.Kind switch
        {
            ImErrorKind.Authentication => "Check the credentials given to Connect-ImServer (-Token, -SecretKey, -Secret or -Credential).",
            ImErrorKind.ConnectionFailed => "Check -Uri and that the server is running and reachable from this machine.",
            ImErrorKind.RateLimited => "Retry later, or lower the rate with Connect-ImServer -RequestsPerSecond.",
            ImErrorKind.Timeout when ex.OutcomeUnknown => "The server may have acted; check before repeating the call.",
            _ => null,
        };
    }
}
