using System.Collections.Generic;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Channels
{
    /// <summary>
    /// Checks channel input before anything is sent, so a bad row fails alone with a message naming the parameter
    /// instead of a server error in Chinese (see docs/server-behaviour/wukongim.md, 'Requests', 'Channels').
    /// </summary>
    public static class ChannelInput
    {
        /// <summary>Characters WuKongIM reserves in ids ('@' joins the two users of a person channel).</summary>
        private static readonly char[] Reserved = { '@', '#', '&' };

        /// <summary>A channel that is read: any non-blank id (person-pair ids such as a@b included) of a WuKongIM type.</summary>
        public static void RequireReadable(string? channelId, ChannelType channelType)
        {
            RequireId(channelId);
            RequireWuKongType(channelType);
        }

        /// <summary>Any non-blank channel id (a group of another provider has no further rule here).</summary>
        public static void RequireId(string? channelId)
        {
            if (string.IsNullOrWhiteSpace(channelId))
                throw new ImInputException("ChannelId", "-ChannelId is empty. Give the channel's id (for a person channel, the user's id).");
        }

        /// <summary>A channel that is changed: the server refuses ids with '@', '#' or '&amp;' there.</summary>
        public static void RequireWritable(string? channelId, ChannelType channelType)
        {
            RequireReadable(channelId, channelType);
            if (channelId!.IndexOfAny(Reserved) >= 0)
                throw new ImInputException("ChannelId", $"-ChannelId '{channelId}' contains '@', '#' or '&', which WuKongIM reserves; channel ids cannot contain them.");
        }

        /// <summary>Person channels have no subscriber list: their id is the other user's id.</summary>
        public static void RequireSubscribable(ChannelType channelType, string parameterName)
        {
            if (channelType == ChannelType.Person)
                throw new ImInputException(parameterName,
                    "WuKongIM person channels have no subscribers (the channel id is the other user's id). Use a Group or another channel type.");
        }

        /// <summary>User ids without blanks, duplicates removed, first occurrence kept.</summary>
        public static IReadOnlyList<string> DistinctUserIds(IEnumerable<string?>? userIds, string parameterName)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            var result = new List<string>();
            foreach (var id in userIds ?? System.Linq.Enumerable.Empty<string?>())
            {
                RequireUserId(id, parameterName);
                if (seen.Add(id!)) result.Add(id!);
            }
            return result;
        }

        public static void RequireUserId(string? userId, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(userId))
                throw new ImInputException(parameterName, $"-{parameterName} contains an empty user id. Remove empty values (or blank CSV cells).");
        }

        private static void RequireWuKongType(ChannelType channelType)
        {
            if ((int)channelType < (int)ChannelType.Person || (int)channelType > (int)ChannelType.AgentGroup)
                throw new ImInputException("ChannelType",
                    $"-ChannelType {channelType} is not a WuKongIM channel type. Use Person, Group, CustomerService, Community, CommunityTopic, Info, Data, Temp, Live, Visitors, Agent or AgentGroup (1-12).");
        }
    }
}
