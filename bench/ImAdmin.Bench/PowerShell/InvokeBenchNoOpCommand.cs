using System.Management.Automation;

namespace ImAdmin.Bench.PowerShell;

/// <summary>
/// The binding ceiling, for the bench only: Send-ImMessage's pipeline-bindable parameters and no code at all, so
/// `rows | Invoke-BenchNoOp` is the fastest a binary cmdlet with that surface can take rows.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "BenchNoOp", SupportsShouldProcess = true, DefaultParameterSetName = "Text")]
public sealed class InvokeBenchNoOpCommand : BenchRowParameters
{
}
