using System;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>
    /// Names the operation a capability interface stands for, so that a provider without it gets one clear error
    /// ("provider X cannot do Y; use Z") and the README capability table can be checked against the clients.
    /// </summary>
    [AttributeUsage(AttributeTargets.Interface, Inherited = false)]
    public sealed class ImCapabilityAttribute : Attribute
    {
        public ImCapabilityAttribute(string operation) => Operation = operation;

        /// <summary>What the user asked for, as they would say it (usually the cmdlet and its parameter set).</summary>
        public string Operation { get; }

        /// <summary>What to do instead on a provider without it (another cmdlet, the server's console), or null.</summary>
        public string? Instead { get; set; }

        /// <summary>The README capability table's row (its Area cell) whose provider columns must match the clients that implement it.</summary>
        public string Area { get; set; } = string.Empty;
    }
}
