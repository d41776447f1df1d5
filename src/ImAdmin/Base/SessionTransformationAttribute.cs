using System;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// Lets -Session take a session's name as well as the session object: `-Session wk` finds the runspace's session
    /// named wk, and an unknown name is an error that lists the sessions there are.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SessionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is not string name) return value;
            var session = SessionRegistry.Current.Find(name);
            if (session != null) return session;
            var sessions = SessionRegistry.Current.All;
            var known = sessions.Count == 0 ? "There are no sessions: run Connect-ImServer first." : "Sessions: " + string.Join(", ", sessions.Select(s => s.Name)) + ".";
            throw new ArgumentTransformationMetadataException(
                $"No ImAdmin session is named '{name}'. {known} Connect-ImServer -Name {name} creates one; Get-ImSession lists them.");
        }
    }
}
