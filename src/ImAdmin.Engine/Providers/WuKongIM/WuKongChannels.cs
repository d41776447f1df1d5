using System;
using System.Text;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.WuKongIM
{
    /// <summary>
    /// How WuKongIM names channels on the wire: numeric types 1-12, and person channels read through the viewing user
    /// (login_uid) or by their internal id — the two uids joined by '@', the one with the larger CRC32 first (see docs/server-behaviour/wukongim.md, 'Person channels').
    /// </summary>
    internal static class WuKongChannels
    {
        /// <summary>The admin uid the server reserves; history reads of group-like channels need some login_uid.</summary>
        public const string ManagerUid = "____manager";

        private static readonly uint[] CrcTable = BuildCrcTable();

        /// <summary>The wire number of a channel type; WildfireChat-only kinds are refused naming the parameter.</summary>
        public static int TypeOf(ChannelType type, string parameterName = "ChannelType")
        {
            var value = (int)type;
            if (value < 1 || value > 12)
                throw new ImInputException(parameterName,
                    $"Channel type {type} does not exist on WuKongIM. Use Person, Group, CustomerService, Community, CommunityTopic, Info, Data, Temp, Live, Visitors, Agent or AgentGroup (1-12).");
            return value;
        }

        /// <summary>
        /// The login_uid of a read: the viewing user for a person channel (required, since the channel is the pair of
        /// users), null otherwise.
        /// </summary>
        public static string? Viewer(ChannelType type, string channelId, string? userId)
        {
            if (type != ChannelType.Person) return null;
            if (string.IsNullOrEmpty(userId))
                throw new ImInputException("UserId",
                    $"Person channel '{channelId}' is a 1:1 conversation, so WuKongIM needs the viewing user: pass -UserId (one user of the pair; -ChannelId is the other).");
            return userId;
        }

        /// <summary>The stored id of the person channel between two users.</summary>
        public static string PersonChannelId(string uidA, string uidB)
        {
            uint ha = Crc32(uidA), hb = Crc32(uidB);
            var aFirst = ha != hb ? ha > hb : string.CompareOrdinal(uidA, uidB) >= 0;
            return aFirst ? uidA + "@" + uidB : uidB + "@" + uidA;
        }

        /// <summary>
        /// Whether a message read back belongs to the channel asked for. Person messages name the channel from the
        /// sender's side, so the pair {sender, channel_id} must be {viewer, peer}.
        /// </summary>
        public static bool Belongs(ImMessage message, string channelId, ChannelType type, string? viewer)
        {
            if (message.ChannelType != type) return false;
            if (type != ChannelType.Person) return string.Equals(message.ChannelId, channelId, StringComparison.Ordinal);
            var from = message.From ?? string.Empty;
            return (from == viewer && message.ChannelId == channelId) || (from == channelId && message.ChannelId == viewer);
        }

        private static uint Crc32(string text)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in Encoding.UTF8.GetBytes(text)) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }

        private static uint[] BuildCrcTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                var c = i;
                for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[i] = c;
            }
            return table;
        }
    }
}
