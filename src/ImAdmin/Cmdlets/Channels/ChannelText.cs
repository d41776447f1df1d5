using System.Collections.Generic;
using System.Linq;
using ImAdmin.Engine.Channels;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Channels
{
    /// <summary>The wording and error ids the channel cmdlets share.</summary>
    internal static class ChannelText
    {
        /// <summary>How to give user ids, for the errors about missing ones.</summary>
        public const string UserIdSources = "give -UserId, pipe user ids, or pipe rows with a UserId (Uid, User, Account, Member_Account, user_id) column";

        /// <summary>A ShouldProcess target: "Group channel 'g1'".</summary>
        public static string ChannelTarget(string channelId, ChannelType channelType) => $"{channelType} channel '{channelId}'";

        /// <summary>"user 'a'", "3 users (a, b, c)" or "1200 users (a, b, c, d, e, ...)".</summary>
        public static string DescribeUsers(IReadOnlyList<string> userIds)
        {
            const int Shown = 5;
            if (userIds.Count == 1) return $"user '{userIds[0]}'";
            var names = string.Join(", ", userIds.Take(Shown)) + (userIds.Count > Shown ? ", ..." : string.Empty);
            return $"{userIds.Count} users ({names})";
        }

        /// <summary>"the subscribers", "the blacklist", "the whitelist", for messages.</summary>
        public static string ListName(ChannelMemberList list) => list switch
        {
            ChannelMemberList.Subscribers => "the subscribers",
            ChannelMemberList.Blacklist => "the blacklist",
            _ => "the whitelist",
        };

        /// <summary>Bad input and missing channels get their own ids, so scripts can tell them from server failures.</summary>
        public static string ErrorIdOf(ImException ex, string errorId) =>
            ex is ImInputException ? "ImAdmin.InvalidArgument" : ex.Kind == ImErrorKind.NotFound ? "ImAdmin.ChannelNotFound"
            : ex.Kind == ImErrorKind.AlreadyExists ? "ImAdmin.ChannelExists" : errorId;
    }
}
