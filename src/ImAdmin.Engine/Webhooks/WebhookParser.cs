using System;
using System.Collections.Generic;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks.Tencent;
using ImAdmin.Engine.Webhooks.Wildfire;
using ImAdmin.Engine.Webhooks.WuKongIM;

namespace ImAdmin.Engine.Webhooks
{
    /// <summary>
    /// Turns a webhook body into typed events. It never throws for what a server sent: an unreadable body, a failed
    /// signature check or an unknown event kind all come back in the <see cref="WebhookParseResult"/>.
    /// </summary>
    public static class WebhookParser
    {
        public static WebhookParseResult Parse(WebhookRequest request, WebhookParseOptions options)
        {
            var result = new WebhookParseResult();
            if (request.Provider == ImProvider.TencentCloud && !TencentCallbackCheck.Verify(request.Query, options, result)) return result;
            if (string.IsNullOrWhiteSpace(request.Body))
            {
                result.Errors.Add(Malformed(request.Provider, "The body is empty; a webhook body is JSON."));
                return result;
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(request.Body);
            }
            catch (JsonException ex)
            {
                result.Errors.Add(Malformed(request.Provider, $"The body is not JSON: {ex.Message}"));
                return result;
            }
            using (document)
            {
                var root = document.RootElement;
                switch (request.Provider)
                {
                    case ImProvider.WuKongIM: WuKongWebhookParser.Parse(request, root, result); break;
                    case ImProvider.TencentCloud: TencentCallbackParser.Parse(request, root, result); break;
                    default: WildfireCallbackParser.Parse(request, root, result); break;
                }
            }
            return result;
        }

        /// <summary>The event names ImAdmin has types for, per provider (for -Event completion and help).</summary>
        public static IReadOnlyList<string> KnownEvents(ImProvider provider) => provider switch
        {
            ImProvider.WuKongIM => WuKongWebhookParser.Events,
            ImProvider.TencentCloud => TencentCallbackParser.Commands,
            _ => WildfireCallbackParser.Events,
        };

        internal static ImWebhookException Malformed(ImProvider provider, string message) =>
            new ImWebhookException(provider, WebhookCheck.Body, message);

        /// <summary>Keeps a body ImAdmin has no type for as raw JSON, with a warning that says why.</summary>
        internal static void AddUnknown(WebhookRequest request, WebhookParseResult result, string? eventName, string why)
        {
            result.Events.Add(new ImUnknownWebhookEvent { Provider = request.Provider, Event = eventName ?? string.Empty, Json = request.Body });
            result.Warnings.Add($"{request.Provider} webhook {why}; it is passed on as an ImUnknownWebhookEvent with the raw JSON in its Json property.");
        }

        /// <summary>The canonical spelling of a known name, compared case-insensitively; null when it is not known.</summary>
        internal static string? Canonical(IEnumerable<string> known, string? name)
        {
            if (name == null) return null;
            foreach (var k in known)
                if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) return k;
            return null;
        }
    }
}
