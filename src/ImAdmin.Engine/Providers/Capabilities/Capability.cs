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
        public static T Require<T>(ImClient client) where T : class
        {
            if (client is T capability) return capability;
            var about = Describe(typeof(T));
            throw new ImCapabilityException(client.Provider, about.Operation, about.Instead);
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
