using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Tells whether WuKongIM users are connected, per device kind.</para>
    /// <para type="description">
    /// Every user asked about gets an answer: one object per device kind it is connected with (with the connection
    /// count), or one object with Online $false. Ids are sent in batches of 1000.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImOnlineStatus")]
    [OutputType(typeof(ImOnlineStatus))]
    public sealed class GetImOnlineStatusCommand : UserBatchCommand
    {
        protected override string Capability => "Get-ImOnlineStatus (/user/onlinestatus)";

        protected override string ErrorId => "ImAdmin.GetOnlineStatusFailed";

        protected override void Send(IReadOnlyList<string> batch)
        {
            foreach (var status in Run(ct => Client.GetOnlineStatusAsync(batch, ct))) WriteObject(status);
        }
    }
}
