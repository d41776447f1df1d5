using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Providers.Wildfire
{
    /// <summary>What each <c>cn.wildfirechat.common.ErrorCode</c> means for an admin (see docs/server-behaviour/wildfire.md, 'Envelope and errors'), and its kind.</summary>
    internal static class WildfireErrorCodes
    {
        public static (ImErrorKind Kind, string Explanation) Describe(int code) => code switch
        {
            239 => (ImErrorKind.Authentication, "the request was not signed completely (nonce, timestamp and sign headers are required)"),
            243 => (ImErrorKind.Authentication, "the signature expired: this computer's clock is more than 2 hours behind the server's. Fix the clock or time zone here or on the server"),
            244 => (ImErrorKind.Authentication, "the server rejected the signature: -Secret does not match the server's http.admin.secret_key"),
            250 => (ImErrorKind.RateLimited, "the server's admin rate limit (http.admin.rate_limit, one budget shared by every admin caller) stayed exhausted while ImAdmin retried"),
            249 => (ImErrorKind.Timeout, "the IM core did not answer within its 5 s limit; the operation may still have been carried out, so check before repeating it"),
            253 => (ImErrorKind.NotFound, "the target does not exist (user, group, chatroom, channel or message)"),
            251 => (ImErrorKind.InvalidArgument, "the server rejected the request's parameters (a required field is missing or empty)"),
            2 or 10 => (ImErrorKind.InvalidArgument, "the server could not use the message data"),
            22 => (ImErrorKind.NotSupported, "this needs a WildfireChat professional-edition license, and the server's license is missing, mismatched or expired"),
            220 => (ImErrorKind.NotSupported, "the feature is switched off in the server's configuration"),
            254 => (ImErrorKind.NotSupported, "the server does not implement this operation"),
            246 => (ImErrorKind.PermissionDenied, "the recipient has blacklisted the sender"),
            248 => (ImErrorKind.PermissionDenied, "the operator has no right to do this"),
            9 or 20 or 21 => (ImErrorKind.PermissionDenied, "the user is not a member of the group, chatroom or channel"),
            8 => (ImErrorKind.InvalidState, "the user is forbidden (banned)"),
            247 => (ImErrorKind.InvalidState, "the sender is muted globally"),
            241 => (ImErrorKind.InvalidState, "the group is muted"),
            240 => (ImErrorKind.InvalidState, "the group is full"),
            11 => (ImErrorKind.AlreadyExists, "the group id is taken"),
            12 or 23 => (ImErrorKind.AlreadyExists, "it already exists"),
            238 => (ImErrorKind.Unavailable, "the user's connection is not set up yet; try again shortly"),
            3 or 61 => (ImErrorKind.Unavailable, "a server node or service is not available"),
            4 => (ImErrorKind.ServerError, "the server failed unexpectedly"),
            _ => (ImErrorKind.ServerError, "the server refused the request"),
        };
    }
}
