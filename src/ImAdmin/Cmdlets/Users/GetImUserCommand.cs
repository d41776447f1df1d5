using System.Collections.Generic;
using System.Management.Automation;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// <para type="synopsis">Gets user accounts by id, or (where the provider can list them) every user, lazily, page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImUser", SupportsPaging = true)]
    [OutputType(typeof(ImUser))]
    public sealed class GetImUserCommand : UserBatchCmdlet<IUserDirectory>
    {
        /// <summary>Users per server call when every user is listed (no -UserId).</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int PageSize { get; set; } = 500;

        protected override bool UserIdRequired => false;

        protected override string ErrorId => "ImAdmin.GetUserFailed";

        protected override void Send(IReadOnlyList<string> batch)
        {
            foreach (var result in Run(ct => Client.GetUsersAsync(batch, ct))) WriteResult(result, ErrorId, RowOf((string)result.Input));
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (UsersGiven || MyInvocation.ExpectingInput) return;
            var lister = RequireCapability<IUserLister>();
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            if (PagingParameters.First == 0) return;
            ulong written = 0;
            // Stop as soon as -First is reached, before the listing asks the server for another page.
            foreach (var user in Stream(lister.ListUsersAsync((long)PagingParameters.Skip, PageSize, CancellationToken)))
            {
                WriteObject(user);
                if (++written >= PagingParameters.First) break;
            }
        }
    }
}
