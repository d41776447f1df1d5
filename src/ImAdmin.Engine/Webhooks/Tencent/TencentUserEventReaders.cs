using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks.Tencent
{
    /// <summary>Readers of the state, friend, blacklist and alert callbacks (wire names as in seed 002).</summary>
    internal static class TencentUserEventReaders
    {
        public static IImWebhookEvent StateChange(JsonElement b)
        {
            var info = b.TryGetProperty("Info", out var i) ? i : default;
            return new TencentStateChangeEvent
            {
                UserId = info.Str("To_Account") ?? string.Empty,
                Action = info.Str("Action") ?? string.Empty,
                Reason = info.Str("Reason"),
                KickedDevices = b.Accounts("KickedDevice", "Platform"),
            };
        }

        public static IImWebhookEvent BeforeFriendAdd(JsonElement b) => new TencentBeforeFriendAddEvent
        {
            RequesterUserId = b.Str("Requester_Account"),
            From = b.Str("From_Account") ?? string.Empty,
            AddType = b.Str("AddType"),
            ForceAdd = b.Flag("ForceAddFlags"),
            Friends = b.Objects("FriendItem").Select(f => new TencentFriendRequest
            {
                UserId = f.Str("To_Account") ?? string.Empty,
                Remark = f.Str("Remark"),
                GroupName = f.Str("GroupName"),
                AddSource = f.Str("AddSource"),
                AddWording = f.Str("AddWording"),
            }).ToArray(),
        };

        public static IImWebhookEvent BeforeFriendResponse(JsonElement b) => new TencentBeforeFriendResponseEvent
        {
            RequesterUserId = b.Str("Requester_Account"),
            From = b.Str("From_Account") ?? string.Empty,
            Responses = b.Objects("ResponseFriendItem").Select(f => new TencentFriendResponse
            {
                UserId = f.Str("To_Account") ?? string.Empty,
                Remark = f.Str("Remark"),
                TagName = f.Str("TagName"),
                ResponseAction = f.Str("ResponseAction"),
            }).ToArray(),
        };

        public static IImWebhookEvent AfterFriendAdd(JsonElement b)
        {
            var ev = Pairs(b, new TencentAfterFriendAddEvent());
            ev.ClientCommand = b.Str("ClientCmd");
            ev.AdminUserId = b.Str("Admin_Account");
            ev.ForceAdd = b.Flag("ForceFlag");
            return ev;
        }

        public static T Pairs<T>(JsonElement b, T ev) where T : TencentRelationEvent
        {
            ev.Pairs = b.Objects("PairList").Select(p => new TencentRelationPair
            {
                UserId = p.Str("From_Account") ?? string.Empty,
                PeerUserId = p.Str("To_Account") ?? string.Empty,
                InitiatorUserId = p.Str("Initiator_Account"),
            }).ToArray();
            return ev;
        }

        public static IImWebhookEvent RequestOverLimit(JsonElement b) => new TencentRequestOverLimitEvent
        {
            ServiceName = b.Str("ServiceName"),
            Command = b.Str("Command"),
            RequestRate = b.Int("Request"),
            Limit = b.Int("Limit"),
        };
    }
}
