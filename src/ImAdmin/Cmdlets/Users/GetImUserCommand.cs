using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Gets user accounts with their display name and avatar (Tencent Cloud IM account_check and portrait_get).</para>
    /// <para type="description">
    /// Tencent Cloud IM: account_check tells which ids exist, 100 per call; portrait_get reads their nick and image,
    /// 100 per call. A user that does not exist is a non-terminating ObjectNotFound error whose TargetObject is its row.
    /// A profile field never set is empty.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImUser")]
    [OutputType(typeof(ImUser))]
    public sealed class GetImUserCommand : UserBatchCommand<IUserDirectory>
    {
        protected override string Capability => "Get-ImUser (Tencent account_check/portrait_get)";

        protected override string ErrorId => "ImAdmin.GetUserFailed";

        protected override void Send(IReadOnlyList<string> batch)
        {
            var outcome = Run(ct => Client.GetUsersAsync(batch, ct));
            foreach (var user in outcome.Items) WriteObject(user);
            foreach (var failure in outcome.Failures) WriteItemError(failure.Error, ErrorId, RowOf(failure.Key));
        }
    }
}
