namespace ImAdmin.Engine.Errors
{
    /// <summary>What kind of failure an <see cref="ImException"/> is; the cmdlets map it to an ErrorCategory.</summary>
    public enum ImErrorKind
    {
        Unknown,
        /// <summary>Wrong or missing token, secret, UserSig or signature.</summary>
        Authentication,
        /// <summary>Authenticated, but not allowed (e.g. the Tencent identifier is not an app admin).</summary>
        PermissionDenied,
        /// <summary>The user, channel or message does not exist.</summary>
        NotFound,
        /// <summary>The server (or the client, before sending) rejected a value.</summary>
        InvalidArgument,
        /// <summary>The server throttled the call and retries ran out.</summary>
        RateLimited,
        /// <summary>No answer in time.</summary>
        Timeout,
        /// <summary>The server could not be reached (refused, DNS, TLS).</summary>
        ConnectionFailed,
        /// <summary>The server answered with a transient failure (5xx, busy) and retries ran out.</summary>
        Unavailable,
        /// <summary>The server failed for a reason of its own.</summary>
        ServerError,
        /// <summary>This provider, edition or server version lacks the capability.</summary>
        NotSupported,
        /// <summary>The target is in a state that refuses the change (banned, disbanded, already recalled).</summary>
        InvalidState,
        /// <summary>The thing to create exists already (a group id that is taken).</summary>
        AlreadyExists,
    }
}
