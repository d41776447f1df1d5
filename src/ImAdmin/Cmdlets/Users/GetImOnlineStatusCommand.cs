using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Tells whether users are online (WuKongIM per device kind; Tencent Cloud IM per user).</para>
    /// <para type="description">
    /// Every user asked about gets an answer. WuKongIM: one object per device kind the user is connected with (with the
    /// connection count), or one object with Online $false; ids are sent in batches of 1000. Tencent Cloud IM: one object
    /// per user with Status Online, PushOnline or Offline and the platforms logged in; ids are sent in batches of 500,
    /// and an account that does not exist is an error for that user.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImOnlineStatus")]
    [OutputType(typeof(ImOnlineStatus))]
    public sealed class GetImOnlineStatusCommand : UserBatchCmdlet<IOnlineStatusReader>
    {
        protected override string ErrorId => "ImAdmin.GetOnlineStatusFailed";

        protected override void Send(IReadOnlyList<string> batch)
        {
            foreach (var result in Run(ct => Client.GetOnlineStatusesAsync(batch, ct))) WriteResult(result, ErrorId, RowOf((string)result.Input));
        }
    }
}
