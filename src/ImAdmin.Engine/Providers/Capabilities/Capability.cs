using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>Finds a capability on a provider's client, and lists which provider offers which capability.</summary>
    public static class Capability
    {
        /// <summary>
        /// <paramref name="client"/> as <typeparamref name="T"/>, or an <see cref="ImCapabilityException"/> naming the
        /// provider, the operation and what to use instead.
        /// </summary>
        /// <param name="client">The session's client.</param>
        /// <param name="caller">The cmdlet asking, named in the error when the operation does not name a cmdlet itself.</param>
        public static T Require<T>(ImClient client, string? caller = null) where T : class
        {
            if (client is T capability) return capability;
            var about = Describe(typeof(T));
            var operation = caller == null || about.Operation.Contains("-Im") ? about.Operation : $"{caller} ({about.Operation})";
            throw new ImCapabilityException(client.Provider, operation, about.Instead);
        }

        /// <summary>The operation and alternative declared on a capability interface.</summary>
        public static ImCapabilityAttribute Describe(Type capability) =>
            capability.GetCustomAttribute<ImCapabilityAttribute>()
            ?? throw new ArgumentException($"{capability.Name} is not a capability interface (no [ImCapability]).", nameof(capability));

        /// <summary>Every capability interface of the engine.</summary>
        public static IReadOnlyList<Type> All { get; } = typeof(Capability).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.GetCustomAttribute<ImCapabilityAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        /// <summary>The client class of each provider (what the README table's columns stand for).</summary>
        public static IReadOnlyDictionary<ImProvider, Type> Clients { get; } = new Dictionary<ImProvider, Type>
        {
            [ImProvider.WuKongIM] = typeof(WuKongIM.WuKongClient),
            [ImProvider.TencentCloud] = typeof(Tencent.TencentClient),
            [ImProvider.Wildfire] = typeof(Wildfire.WildfireClient),
        };

        /// <summary>Whether <paramref name="provider"/>'s client implements <paramref name="capability"/>.</summary>
        public static bool Offers(ImProvider provider, Type capability) => capability.IsAssignableFrom(Clients[provider]);
    }
}
