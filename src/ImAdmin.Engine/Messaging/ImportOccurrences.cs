using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace ImAdmin.Engine.Messaging
{
    /// <summary>
    /// Numbers the identical rows of one import run (same sender, conversation, second and content): the first is 0, the
    /// next 1, and so on. Servers that dedupe imports on values derived from a row need this to keep two distinct but
    /// identical-looking messages apart, while the same input imported again gets the same numbers and stays deduped.
    /// Memory: one entry per distinct row shape (a 16-byte hash), not per row.
    /// </summary>
    public sealed class ImportOccurrences
    {
        private readonly Dictionary<string, int> _seen = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly string _defaultSender;

        /// <param name="defaultSender">Who sends a row without a sender (the server's admin), so that row and one naming the admin count as the same.</param>
        public ImportOccurrences(string defaultSender)
        {
            _defaultSender = defaultSender;
        }

        /// <summary>Sets and returns <paramref name="row"/>'s <see cref="MessageImport.Occurrence"/>.</summary>
        public int Number(MessageImport row)
        {
            var key = Fingerprint(row);
            _seen.TryGetValue(key, out var earlier);
            _seen[key] = earlier + 1;
            row.Occurrence = earlier;
            return earlier;
        }

        private string Fingerprint(MessageImport row)
        {
            var m = row.Message;
            var content = m.Content.IsText ? "t" + m.Content.Text : "p" + Convert.ToBase64String(m.Content.Payload!);
            var text = $"{m.From ?? _defaultSender}\n{m.ChannelId}\n{(int)m.ChannelType}\n{row.Timestamp.ToUnixTimeSeconds()}\n{content}";
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)), 0, 16);
        }
    }
}
