using System.Globalization;
using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Webhooks.WuKongIM
{
    /// <summary>
    /// user.onlinestatus entries: "uid-deviceFlag-online-connId-deviceOnlineCount-totalOnlineCount". The five
    /// numbers are taken from the right, because a uid may itself contain '-'.
    /// </summary>
    internal static class WuKongOnlineStatusReader
    {
        private const string Shape = "uid-deviceFlag-online-connectionId-deviceOnlineCount-totalOnlineCount";

        public static void Read(JsonElement root, WebhookParseResult result)
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                result.Errors.Add(WebhookParser.Malformed(ImProvider.WuKongIM, $"A user.onlinestatus body is an array of \"{Shape}\" strings; this body is {WebhookJson.Describe(root)}."));
                return;
            }
            var index = 0;
            var notStrings = 0;
            foreach (var entry in root.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.String) notStrings++;
                else if (TryParse(entry.GetString()!, out var status)) result.Events.Add(status);
                else result.Errors.Add(WebhookParser.Malformed(ImProvider.WuKongIM, $"user.onlinestatus entry {index} \"{entry.GetString()}\" is not \"{Shape}\"."));
                index++;
            }
            if (notStrings > 0)
                result.Errors.Add(WebhookParser.Malformed(ImProvider.WuKongIM, $"{notStrings} of the {index} user.onlinestatus entries are not strings."));
        }

        private static bool TryParse(string text, out WuKongOnlineStatusEvent status)
        {
            status = null!;
            var parts = text.Split('-');
            if (parts.Length < 6) return false;
            var numbers = new long[5];
            for (var i = 0; i < 5; i++)
                if (!long.TryParse(parts[parts.Length - 5 + i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
            var userId = string.Join("-", parts.Take(parts.Length - 5));
            if (userId.Length == 0 || numbers[1] > 1) return false;
            status = new WuKongOnlineStatusEvent
            {
                Provider = ImProvider.WuKongIM,
                Event = WuKongWebhookParser.OnlineStatus,
                UserId = userId,
                DeviceFlag = (DeviceFlag)numbers[0],
                Online = numbers[1] == 1,
                ConnectionId = numbers[2],
                DeviceOnlineCount = (int)numbers[3],
                TotalOnlineCount = (int)numbers[4],
            };
            return true;
        }
    }
}
