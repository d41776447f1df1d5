using System.Management.Automation;

namespace ImAdmin.EmptyModule
{
    /// <summary>Does nothing: the module exists only to be imported.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "EmptyNoOp")]
    public sealed class InvokeEmptyNoOpCommand : Cmdlet
    {
    }
}
