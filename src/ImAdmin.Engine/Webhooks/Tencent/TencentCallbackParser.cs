using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.Tencent
{
    /// <summary>
    /// Tencent Cloud IM callbacks (see docs/server-behaviour/tencent.md, 'Callbacks'): the command comes from -Event, the query's CallbackCommand or
    /// the body's CallbackCommand, in that order; each known command has its own type (seed 002 plus
    /// Group.CallbackOnMemberStateChange and Alert.RequestOverLimit).
    /// </summary>
    internal static class TencentCallbackParser
    {
        private static readonly Dictionary<string, Func<JsonElement, IImWebhookEvent>> Readers =
            new Dictionary<string, Func<JsonElement, IImWebhookEvent>>(StringComparer.OrdinalIgnoreCase)
            {
                ["State.StateChange"] = TencentUserEventReaders.StateChange,
                ["Sns.CallbackPrevFriendAdd"] = TencentUserEventReaders.BeforeFriendAdd,
                ["Sns.CallbackPrevFriendResponse"] = TencentUserEventReaders.BeforeFriendResponse,
                ["Sns.CallbackFriendAdd"] = TencentUserEventReaders.AfterFriendAdd,
                ["Sns.CallbackFriendDelete"] = b => TencentUserEventReaders.Pairs(b, new TencentAfterFriendDeleteEvent()),
                ["Sns.CallbackBlackListAdd"] = b => TencentUserEventReaders.Pairs(b, new TencentAfterBlacklistAddEvent()),
                ["Sns.CallbackBlackListDelete"] = b => TencentUserEventReaders.Pairs(b, new TencentAfterBlacklistDeleteEvent()),
                ["C2C.CallbackBeforeSendMsg"] = b => TencentMessageReaders.Private(b, new TencentBeforePrivateMessageSendEvent()),
                ["C2C.CallbackAfterSendMsg"] = TencentMessageReaders.AfterPrivateSend,
                ["C2C.CallbackAfterMsgReport"] = TencentMessageReaders.AfterPrivateReport,
                ["C2C.CallbackAfterMsgWithDraw"] = TencentMessageReaders.AfterPrivateRevoke,
                ["Group.CallbackBeforeCreateGroup"] = b => TencentGroupEventReaders.Creation(b, new TencentBeforeGroupCreateEvent()),
                ["Group.CallbackAfterCreateGroup"] = TencentGroupEventReaders.AfterCreate,
                ["Group.CallbackBeforeApplyJoinGroup"] = TencentGroupEventReaders.BeforeApplyJoin,
                ["Group.CallbackBeforeInviteJoinGroup"] = b => TencentGroupEventReaders.Members(b, new TencentBeforeInviteJoinGroupEvent(), "DestinationMembers"),
                ["Group.CallbackAfterNewMemberJoin"] = TencentGroupEventReaders.AfterNewMemberJoin,
                ["Group.CallbackAfterMemberExit"] = TencentGroupEventReaders.AfterMemberExit,
                ["Group.CallbackBeforeSendMsg"] = b => TencentMessageReaders.Group(b, new TencentBeforeGroupMessageSendEvent()),
                ["Group.CallbackAfterSendMsg"] = b => TencentMessageReaders.Group(b, new TencentAfterGroupMessageSendEvent()),
                ["Group.CallbackAfterGroupFull"] = b => TencentGroupEventReaders.Group(b, new TencentAfterGroupFullEvent()),
                ["Group.CallbackAfterGroupDestroyed"] = TencentGroupEventReaders.AfterDestroyed,
                ["Group.CallbackAfterGroupInfoChanged"] = TencentGroupEventReaders.AfterInfoChanged,
                ["Group.CallbackOnMemberStateChange"] = TencentGroupEventReaders.MemberStateChange,
                ["Alert.RequestOverLimit"] = TencentUserEventReaders.RequestOverLimit,
            };

        public static readonly IReadOnlyList<string> Commands = Readers.Keys.ToArray();

        /// <summary>The fields that say who or what a callback is about (sender and peer, the group, the state change).</summary>
        private static string[] RequiredFields(string command) => command.ToLowerInvariant() switch
        {
            "c2c.callbackaftermsgreport" => new[] { "Report_Account", "Peer_Account" },
            "group.callbackbeforecreategroup" => new[] { "Owner_Account" },
            "state.statechange" => new[] { "Info" },
            var c when c.StartsWith("c2c.", StringComparison.Ordinal) => new[] { "From_Account", "To_Account" },
            var c when c.StartsWith("group.", StringComparison.Ordinal) => new[] { "GroupId" },
            _ => new string[0],
        };

        public static void Parse(WebhookRequest request, JsonElement body, WebhookParseResult result)
        {
            var inBody = body.Str("CallbackCommand");
            var given = request.Event ?? request.Query["CallbackCommand"] ?? inBody;
            result.Event = WebhookParser.Canonical(Commands, given) ?? given;
            if (body.ValueKind != JsonValueKind.Object)
            {
                result.Errors.Add(WebhookParser.Malformed(ImProvider.TencentCloud, $"A Tencent callback body is a JSON object; this body is {WebhookJson.Describe(body)}."));
                return;
            }
            if (given == null)
            {
                WebhookParser.AddUnknown(request, result, null, "callback names no CallbackCommand (not in -Event, the query string or the body)");
                return;
            }
            if (!Readers.TryGetValue(given, out var read))
            {
                WebhookParser.AddUnknown(request, result, given, $"callback '{given}' is not one ImAdmin has a type for");
                return;
            }
            if (inBody != null && !string.Equals(inBody, given, StringComparison.OrdinalIgnoreCase))
                result.Warnings.Add($"The body says CallbackCommand '{inBody}' but the callback was read as '{given}' (from -Event or the query string).");
            if (!WebhookShape.Require(ImProvider.TencentCloud, result.Event!, body, result, RequiredFields(result.Event!))) return;
            var ev = read(body);
            var context = (ITencentCallback)ev;
            context.Provider = ImProvider.TencentCloud;
            context.Event = result.Event!;
            context.EventTime = body.Milliseconds("EventTime");
            context.SdkAppId = long.TryParse(request.Query["SdkAppid"], NumberStyles.None, CultureInfo.InvariantCulture, out var app) ? app : (long?)null;
            context.ClientIP = request.Query["ClientIP"];
            context.OptPlatform = request.Query["OptPlatform"];
            result.Events.Add(ev);
        }
    }
}
