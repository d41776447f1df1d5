using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks.Wildfire
{
    /// <summary>Readers of the user online-status, user-info and relation callbacks.</summary>
    internal static class WildfireUserEventReaders
    {
        public static IImWebhookEvent OnlineStatus(JsonElement b) => new WildfireOnlineStatusEvent
        {
            UserId = b.Str("userId") ?? string.Empty,
            ClientId = b.Str("clientId"),
            Platform = (WildfirePlatform)b.Int("platform"),
            Status = (WildfireOnlineState)b.Int("status"),
            Timestamp = b.Milliseconds("timestamp"),
            PackageName = b.Str("packageName"),
            CustomState = b.Int("customState"),
            CustomText = b.Str("customText"),
            Sessions = b.Objects("sessions").Select(s => new WildfireClientSession
            {
                ClientId = s.Str("clientId") ?? string.Empty,
                UserId = s.Str("userId") ?? string.Empty,
                Platform = (WildfirePlatform)s.Int("platform"),
                Status = (WildfireOnlineState)s.Int("status"),
                LastSeen = s.Milliseconds("lastSeen"),
                PackageName = s.Str("packageName"),
            }).ToArray(),
        };

        public static IImWebhookEvent UserInfo(JsonElement b) => new WildfireUserInfoEvent
        {
            UserId = b.Str("userId") ?? string.Empty,
            Name = b.Str("name"),
            DisplayName = b.Str("displayName"),
            Portrait = b.Str("portrait"),
            Gender = b.Int("gender"),
            Mobile = b.Str("mobile"),
            Email = b.Str("email"),
            Address = b.Str("address"),
            Company = b.Str("company"),
            Social = b.Str("social"),
            Extra = b.Str("extra"),
            Type = b.Int("type"),
            UpdatedAt = b.Milliseconds("updateDt"),
        };

        public static IImWebhookEvent Relation(JsonElement b) => new WildfireRelationEvent
        {
            UserId = b.Str("userId") ?? string.Empty,
            PeerUserId = b.Str("targetId") ?? string.Empty,
            Type = (WildfireRelationChange)b.Int("type"),
            Value = b.Str("value"),
        };
    }
}
