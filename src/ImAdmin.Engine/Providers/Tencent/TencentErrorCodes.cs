using System.Collections.Generic;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>What ImAdmin knows about one Tencent ErrorCode (see docs/server-behaviour/tencent.md, 'Error codes').</summary>
    internal sealed class TencentErrorCode
    {
        public TencentErrorCode(ImErrorKind kind, string text, ResponseClass retry = ResponseClass.Final, string? hint = null)
        {
            Kind = kind;
            Text = text;
            Retry = retry;
            Hint = hint;
        }

        public ImErrorKind Kind { get; }

        /// <summary>What the code means, for rows whose only detail is the code (batchsendmsg ErrorList).</summary>
        public string Text { get; }

        /// <summary>Throttled (rejected before processing), Transient (retry only when idempotent) or Final.</summary>
        public ResponseClass Retry { get; }

        /// <summary>What the admin should do, when there is something specific.</summary>
        public string? Hint { get; }
    }

    /// <summary>The error-code table of the Tencent Cloud IM REST API.</summary>
    internal static class TencentErrorCodes
    {
        public const int SigExpired = 70001;
        public const int TooManySigFailures = 70050;

        private const string KeyHint = "Check -SecretKey and -SdkAppId: the key must be the one of this SDKAppID, as shown in the console.";
        private const string AdminHint = "Use an app admin account (set in the console) as -Identifier.";
        private const string RegionHint = "Check -SdkAppId and -Region (or -Uri): the app may have been created in another data centre.";
        private const string ImportHint = "Import the account first; accounts must exist before they can send or receive.";

        private static readonly Dictionary<int, TencentErrorCode> Table = new Dictionary<int, TencentErrorCode>
        {
            // Common REST codes.
            [60002] = Invalid("bad HTTP request or URL format"),
            [60003] = Invalid("the request JSON could not be parsed"),
            [60004] = Auth("account or signature error in the URL", KeyHint),
            [60005] = Auth("account or signature error in the URL", KeyHint),
            [60006] = Auth("SDKAppID invalid", RegionHint),
            [60007] = Throttled("REST API call frequency exceeded"),
            [60008] = Transient("service timeout"),
            [60009] = new TencentErrorCode(ImErrorKind.NotSupported, "unknown API (bad resource or URL)"),
            [60010] = Denied("the identifier is not an app admin", AdminHint),
            [60011] = Throttled("SDKAppID request frequency exceeded"),
            [60012] = Invalid("sdkappid missing from the URL"),
            [60013] = Transient("response JSON parse error"),
            [60014] = Transient("account switch timeout"),
            [60015] = Invalid("an account field in the body is not a string"),
            [60016] = Denied("the SDKAppID is disabled"),
            [60017] = Denied("the request is disabled"),
            [60018] = Throttled("too many requests"),
            [60019] = Throttled("too many requests"),
            [60020] = Denied("the paid plan has expired"),
            [60021] = Denied("calls from this IP address are not allowed"),

            // Accounts and UserSig.
            [SigExpired] = Auth("UserSig expired", "ImAdmin renews its UserSig before expiry; if this persists, check this machine's clock."),
            [70002] = Auth("UserSig empty", KeyHint),
            [70003] = Auth("UserSig invalid (cannot be parsed)", KeyHint),
            [70005] = Auth("UserSig invalid (truncated)", KeyHint),
            [70009] = Auth("UserSig HMAC check failed", KeyHint),
            [70013] = Auth("the identifier in the URL does not match the UserSig", KeyHint),
            [70014] = Auth("the SDKAppID in the URL does not match the UserSig", KeyHint),
            [70016] = Auth("key not found", RegionHint),
            [70020] = Auth("SDKAppID not found", RegionHint),
            [TooManySigFailures] = new TencentErrorCode(ImErrorKind.Authentication, "too many failed UserSig verifications", ResponseClass.Throttled,
                "Wait at least 60 seconds, and fix the key before trying again."),
            [70051] = Denied("the account is blocklisted"),
            [70107] = NotFound("the account does not exist (not imported)", ImportHint),
            [70169] = Transient("server timeout"),
            [70202] = Transient("server timeout"),
            [70398] = new TencentErrorCode(ImErrorKind.InvalidState, "the edition's account limit is reached"),
            [70402] = Invalid("bad parameter"),
            [70403] = Denied("an app admin is required", AdminHint),
            [70500] = Transient("internal server error"),

            // Messages.
            [20001] = Invalid("bad request packet"),
            [20002] = Auth("UserSig invalid", KeyHint),
            [20003] = NotFound("the sender or recipient does not exist (not imported)", ImportHint),
            [20004] = Transient("network error"),
            [20005] = Transient("internal server error"),
            [20006] = Denied("blocked by the before-send callback"),
            [20007] = Denied("the sender is on the recipient's blocklist"),
            [20012] = Denied("the sender is muted"),
            [20016] = new TencentErrorCode(ImErrorKind.InvalidState, "past the recall window"),
            [20022] = NotFound("the message does not exist"),
            [20023] = new TencentErrorCode(ImErrorKind.InvalidState, "the message was already recalled"),
            [80001] = Invalid("the text was filtered"),
            [80002] = Invalid("the message is too long"),
            [90001] = Invalid("the request JSON could not be parsed"),
            [90002] = Invalid("MsgBody is malformed"),
            [90003] = Invalid("To_Account is missing or does not exist", ImportHint),
            [90005] = Invalid("MsgRandom is missing or not an integer"),
            [90006] = Invalid("MsgTimeStamp is missing or invalid"),
            [90007] = Invalid("MsgBody is not an array"),
            [90008] = Invalid("From_Account is missing or does not exist", ImportHint),
            [90009] = Denied("an app admin is required", AdminHint),
            [90010] = Invalid("a message element is malformed"),
            [90011] = Invalid("more than 500 recipients in one batch"),
            [90012] = NotFound("the recipient is not registered", ImportHint),
            [90026] = Invalid("offline retention over 7 days"),
            [90030] = Invalid("SyncFromOldSystem is missing or not 2 (historical) or 5 (real-time)"),
            [90031] = Invalid("SyncOtherMachine is not an integer"),
            [90043] = Invalid("OfflinePushInfo is malformed"),
            [90044] = Invalid("MsgLifeTime is not an integer"),
            [90045] = new TencentErrorCode(ImErrorKind.NotSupported, "the feature is not enabled for this app's edition"),
            [90048] = NotFound("the account does not exist", ImportHint),
            [90054] = Invalid("MsgKey is invalid"),
            [90055] = Invalid("the batch is over the size limit"),
            [90992] = Transient("internal server error (if it is constant, a callback endpoint may be failing)"),
            [90994] = Transient("internal server error"),
            [90995] = Transient("internal server error"),
            [91000] = Transient("internal server error"),
            [93000] = Invalid("the JSON packet is too long"),

            // Groups (group_open_http_svc).
            [10002] = Transient("internal server error"),
            [10004] = Invalid("bad parameter"),
            [10005] = Invalid("too many accounts in one request"),
            [10006] = Throttled("group operation frequency exceeded"),
            [10007] = Denied("the operation is not allowed (permission, or not possible for this group type, e.g. an AVChatRoom)"),
            [10010] = NotFound("the group does not exist", "Check the GroupId (-ChannelId); the group may have been dissolved."),
            [10014] = new TencentErrorCode(ImErrorKind.InvalidState, "the group is full"),
            [10015] = NotFound("the group does not exist", "Check the GroupId (-ChannelId)."),
            [10016] = Denied("refused by the app's before-send callback"),
            [10017] = Denied("the sender is muted in the group"),
            [10018] = Invalid("the answer would be over 1 MB; ask for fewer members per page"),
            [10019] = NotFound("the account does not exist (not imported)", ImportHint),
            [10021] = new TencentErrorCode(ImErrorKind.AlreadyExists, "the GroupId is already used by another group"),
            [10023] = Throttled("group message frequency exceeded"),
            [10025] = new TencentErrorCode(ImErrorKind.AlreadyExists, "the GroupId is already used by a group this admin owns"),
            [10030] = NotFound("the group message does not exist"),

            // Profiles.
            [40001] = Invalid("the profile request is malformed"),
            [40003] = NotFound("the account does not exist (not imported)", ImportHint),
            [40004] = Denied("an app admin is required", AdminHint),
            [40008] = Invalid("the profile tag does not exist"),
            [40601] = Invalid("a profile value is longer than 500 bytes"),
            [40605] = Invalid("a profile value is not allowed for its tag"),

            // Other families that the retry guidance lists as transient.
            [30006] = Transient("internal server error"),
            [30007] = Transient("network timeout"),
            [40006] = Transient("internal server error"),
            [50004] = Transient("internal server error"),
            [50005] = Transient("internal server error"),
        };

        /// <summary>What <paramref name="code"/> means; unknown codes are final server errors.</summary>
        public static TencentErrorCode Describe(int code)
        {
            if (Table.TryGetValue(code, out var known)) return known;
            if (code >= 120001 && code <= 130000) return Denied("refused by the app's C2C before-send callback (custom code)");
            return new TencentErrorCode(ImErrorKind.ServerError, "error " + code);
        }

        private static TencentErrorCode Auth(string text, string hint) => new TencentErrorCode(ImErrorKind.Authentication, text, hint: hint);
        private static TencentErrorCode Denied(string text, string? hint = null) => new TencentErrorCode(ImErrorKind.PermissionDenied, text, hint: hint);
        private static TencentErrorCode NotFound(string text, string? hint = null) => new TencentErrorCode(ImErrorKind.NotFound, text, hint: hint);
        private static TencentErrorCode Invalid(string text, string? hint = null) => new TencentErrorCode(ImErrorKind.InvalidArgument, text, hint: hint);
        private static TencentErrorCode Throttled(string text) => new TencentErrorCode(ImErrorKind.RateLimited, text, ResponseClass.Throttled);
        private static TencentErrorCode Transient(string text) => new TencentErrorCode(ImErrorKind.Unavailable, text, ResponseClass.Transient);
    }
}
