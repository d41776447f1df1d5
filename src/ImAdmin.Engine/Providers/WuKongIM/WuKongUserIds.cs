using System.Collections.Generic;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Client-side checks of user ids, so bad input fails before anything is sent, naming the parameter.</summary>
    internal static class WuKongUserIds
    {
        /// <summary>The uid the server itself sends as (contract §3.5).</summary>
        public const string SystemUid = "____system";

        private static readonly char[] Reserved = { '@', '#', '&' };

        /// <summary>Refuses an empty id.</summary>
        public static string Require(string? userId, string parameterName)
        {
            if (string.IsNullOrEmpty(userId))
                throw new ImInputException(parameterName, $"-{parameterName} is empty. Give the WuKongIM user id (uid).");
            return userId!;
        }

        /// <summary>Refuses an empty id and one the server rejects where it checks ids (@ # &amp; are reserved for internal ids).</summary>
        public static string RequirePlain(string? userId, string parameterName)
        {
            var id = Require(userId, parameterName);
            var bad = id.IndexOfAny(Reserved);
            if (bad >= 0)
                throw new ImInputException(parameterName,
                    $"-{parameterName} '{id}' contains '{id[bad]}'. WuKongIM user ids cannot contain @, # or & (they mark internal channel ids).");
            return id;
        }

        /// <summary>Refuses empty ids in a list and drops repeats, keeping the first-seen order.</summary>
        public static List<string> RequireAll(IEnumerable<string> userIds, string parameterName)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            var result = new List<string>();
            foreach (var id in userIds)
                if (seen.Add(Require(id, parameterName))) result.Add(id);
            return result;
        }
    }
}
