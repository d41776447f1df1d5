using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Messaging;
using ImAdmin.Engine.Providers;

namespace ImAdmin.Base
{
    /// <summary>
    /// Reads the rich-message parameters (-PushText, -Mention, -Lifetime, ...) that Send-ImMessage and Send-ImBroadcast
    /// share by name, so both build the same <see cref="MessageOptions"/>; a cmdlet without a parameter never has it bound.
    /// </summary>
    internal static class MessageOptionParameters
    {
        /// <summary>
        /// The options given on the command line (read in BeginProcessing, before any row binds), after
        /// <paramref name="client"/> accepted them; an empty text or an option the provider has no field for stops the
        /// cmdlet before anything is sent, naming the parameter (and the provider).
        /// </summary>
        public static MessageOptions ReadChecked(PSCmdlet cmdlet, ImClient client)
        {
            try
            {
                foreach (var name in TextOptions)
                    if (cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out var value) && string.IsNullOrWhiteSpace(value as string))
                        throw new ImInputException(name, $"-{name} is empty: give it a value or leave it out.");
                var options = Read(cmdlet);
                client.CheckOptions(options);
                return options;
            }
            catch (ImException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.NotSupported", ex.ParameterName));
                throw;
            }
        }

        /// <summary>
        /// The options of the current pipeline row (command-line values plus the row's columns; an empty cell is "not
        /// given"): <paramref name="commandLine"/> itself when the row changes nothing, else new options that
        /// <paramref name="client"/> accepted. A row option the provider cannot honour throws, for that row alone.
        /// </summary>
        public static MessageOptions ReadRow(PSCmdlet cmdlet, ImClient client, MessageOptions commandLine)
        {
            var options = Read(cmdlet);
            if (options.Equals(commandLine)) return commandLine;
            client.CheckOptions(options);
            return options;
        }

        private static readonly string[] TextOptions =
            { nameof(MessageOptions.PushTitle), nameof(MessageOptions.PushText), nameof(MessageOptions.PushData), nameof(MessageOptions.Extra) };

        private static MessageOptions Read(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            return new MessageOptions
            {
                PushTitle = Text(bound, nameof(MessageOptions.PushTitle)),
                PushText = Text(bound, nameof(MessageOptions.PushText)),
                PushData = Text(bound, nameof(MessageOptions.PushData)),
                Mention = Ids(Value<string[]>(bound, nameof(MessageOptions.Mention))),
                MentionAll = Switch(bound, nameof(MessageOptions.MentionAll)),
                Lifetime = bound.TryGetValue(nameof(MessageOptions.Lifetime), out var lifetime) && lifetime is TimeSpan span ? span : (TimeSpan?)null,
                Extra = Text(bound, nameof(MessageOptions.Extra)),
                NoSyncToSender = Switch(bound, nameof(MessageOptions.NoSyncToSender)),
                SkipCallback = Switch(bound, nameof(MessageOptions.SkipCallback)),
                RequestReadReceipt = Switch(bound, nameof(MessageOptions.RequestReadReceipt)),
                ToUsers = Value<string[]>(bound, "ToUser") ?? Array.Empty<string>(),
                Line = bound.TryGetValue(nameof(MessageOptions.Line), out var line) && line is int number ? number : (int?)null,
            };
        }

        private static T? Value<T>(IDictionary<string, object> bound, string name) where T : class =>
            bound.TryGetValue(name, out var value) ? value as T : null;

        /// <summary>A text option; blank (an empty CSV cell) is not given.</summary>
        private static string? Text(IDictionary<string, object> bound, string name) =>
            Value<string>(bound, name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

        /// <summary>User ids, one CSV cell holding several separated by ';'.</summary>
        private static IReadOnlyList<string> Ids(string[]? values) =>
            values == null ? Array.Empty<string>() : values.SelectMany(v => (v ?? string.Empty).Split(';')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();

        private static bool Switch(IDictionary<string, object> bound, string name) =>
            bound.TryGetValue(name, out var value) && value is SwitchParameter flag && flag.IsPresent;
    }
}
