using System;
using System.Collections.Generic;
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
        /// The options given to <paramref name="cmdlet"/>, after <paramref name="client"/> accepted them; an option its
        /// provider has no field for stops the cmdlet before anything is sent, naming the provider and the parameter.
        /// </summary>
        public static MessageOptions ReadChecked(PSCmdlet cmdlet, ImClient client)
        {
            var options = Read(cmdlet);
            try
            {
                client.CheckOptions(options);
            }
            catch (ImException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.NotSupported", ex.ParameterName));
            }
            return options;
        }

        private static MessageOptions Read(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            return new MessageOptions
            {
                PushTitle = Value<string>(bound, nameof(MessageOptions.PushTitle)),
                PushText = Value<string>(bound, nameof(MessageOptions.PushText)),
                PushData = Value<string>(bound, nameof(MessageOptions.PushData)),
                Mention = Value<string[]>(bound, nameof(MessageOptions.Mention)) ?? Array.Empty<string>(),
                MentionAll = Switch(bound, nameof(MessageOptions.MentionAll)),
                Lifetime = bound.TryGetValue(nameof(MessageOptions.Lifetime), out var lifetime) && lifetime is TimeSpan span ? span : (TimeSpan?)null,
                Extra = Value<string>(bound, nameof(MessageOptions.Extra)),
                NoSyncToSender = Switch(bound, nameof(MessageOptions.NoSyncToSender)),
                SkipCallback = Switch(bound, nameof(MessageOptions.SkipCallback)),
                RequestReadReceipt = Switch(bound, nameof(MessageOptions.RequestReadReceipt)),
                ToUsers = Value<string[]>(bound, "ToUser") ?? Array.Empty<string>(),
                Line = bound.TryGetValue(nameof(MessageOptions.Line), out var line) && line is int number ? number : (int?)null,
            };
        }

        private static T? Value<T>(IDictionary<string, object> bound, string name) where T : class =>
            bound.TryGetValue(name, out var value) ? value as T : null;

        private static bool Switch(IDictionary<string, object> bound, string name) =>
            bound.TryGetValue(name, out var value) && value is SwitchParameter flag && flag.IsPresent;
    }
}
