using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>Client-side checks of the user ids that /user/token validates, so bad input fails before anything is sent.</summary>
    internal static class WuKongUserIds
    {
        /// <summary>The uid the server itself sends as (see docs/server-behaviour/wukongim.md, 'Person channels').</summary>
        public const string SystemUid = "____system";

        private static readonly char[] Reserved = { '@', '#', '&' };

        /// <summary>Refuses an empty id and one the server rejects where it checks ids (@ # &amp; are reserved for internal ids).</summary>
        public static void RequirePlain(string? userId, string parameterName)
        {
            ChannelInput.RequireUserId(userId, parameterName);
            var bad = userId!.IndexOfAny(Reserved);
            if (bad >= 0)
                throw new ImInputException(parameterName,
                    $"-{parameterName} '{userId}' contains '{userId[bad]}'. WuKongIM user ids cannot contain @, # or & (they mark internal channel ids).");
        }
    }
}
