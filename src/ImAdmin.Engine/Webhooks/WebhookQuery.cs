using System;
using System.Collections;
using System.Collections.Generic;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>
    /// The query string a webhook arrived with (WuKongIM ?event=, Tencent SdkAppid/CallbackCommand/Sign/...), with
    /// case-insensitive names. Empty when the caller did not have it (an Azure Automation runbook never does).
    /// </summary>
    public sealed class WebhookQuery
    {
        private readonly Dictionary<string, string> _values;

        private WebhookQuery(Dictionary<string, string> values) => _values = values;

        public static WebhookQuery Empty { get; } = new WebhookQuery(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

        public int Count => _values.Count;

        public string? this[string name] => _values.TryGetValue(name, out var v) ? v : null;

        public IReadOnlyDictionary<string, string> Values => _values;

        /// <summary>Reads "a=1&amp;b=2", "?a=1&amp;b=2" or a whole URL (only its query counts). The first of repeated names wins.</summary>
        public static WebhookQuery Parse(string? text)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (string.IsNullOrEmpty(text)) return new WebhookQuery(values);
            var query = text!;
            var mark = query.IndexOf('?');
            if (mark >= 0) query = query.Substring(mark + 1);
            else if (query.IndexOf('=') < 0 && Uri.TryCreate(query, UriKind.Absolute, out _)) query = string.Empty;
            var hash = query.IndexOf('#');
            if (hash >= 0) query = query.Substring(0, hash);
            foreach (var pair in query.Split('&'))
            {
                if (pair.Length == 0) continue;
                var eq = pair.IndexOf('=');
                var name = Decode(eq < 0 ? pair : pair.Substring(0, eq));
                var value = eq < 0 ? string.Empty : Decode(pair.Substring(eq + 1));
                if (name.Length > 0 && !values.ContainsKey(name)) values[name] = value;
            }
            return new WebhookQuery(values);
        }

        /// <summary>Takes names and values from a dictionary (a PowerShell hashtable, or $WebhookData.RequestHeader).</summary>
        public static WebhookQuery FromDictionary(IDictionary dictionary)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in dictionary)
            {
                var name = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name) || values.ContainsKey(name!)) continue;
                values[name!] = Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }
            return new WebhookQuery(values);
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        public override string ToString() => string.Join("&", ToPairs());

        private IEnumerable<string> ToPairs()
        {
            // Never print a signature: it is a credential for the RequestTime it was made for.
            foreach (var pair in _values)
                yield return pair.Key + "=" + (string.Equals(pair.Key, "Sign", StringComparison.OrdinalIgnoreCase) ? "***" : pair.Value);
        }
    }
}
