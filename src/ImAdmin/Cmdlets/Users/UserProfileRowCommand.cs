using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// New-ImUser and Set-ImUser: rows of a user id with an optional display name and avatar, from parameters, CSV
    /// columns (Name, Nick, Avatar, FaceUrl, Portrait bind too) or piped ids. Rows are confirmed one by one, sent 100 at
    /// a time through <see cref="IUserDirectory"/>, and a user the server refuses is an error whose TargetObject is its row.
    /// </summary>
    public abstract class UserProfileRowCommand : ImRowCmdlet
    {
        /// <summary>Rows sent to the provider together (its client chunks further to its per-call limit).</summary>
        private const int RowsPerFlush = 100;

        private readonly List<(UserInput User, object Row)> _pending = new List<(UserInput User, object Row)>();

        /// <summary>The user ids.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id", "Identifier")]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>The display name (Tencent Cloud IM nick).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Nick")]
        public string? DisplayName { get; set; }

        /// <summary>The avatar URL (Tencent Cloud IM FaceUrl / Tag_Profile_IM_Image).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Avatar", "FaceUrl", "Portrait")]
        public string? AvatarUri { get; set; }

        /// <summary>Write the user object of each row that succeeded.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected IUserDirectory Users { get; private set; } = null!;

        protected abstract string Capability { get; }

        protected abstract string ErrorId { get; }

        /// <summary>The ShouldProcess action for one row.</summary>
        protected abstract string Describe(UserInput user);

        /// <summary>Sends the rows; the outcome's failures are keyed by user id.</summary>
        protected abstract BatchOutcome<ImUser> Apply(IReadOnlyList<UserInput> users);

        protected override void BeginProcessing() => Users = RequireClient<IUserDirectory>(Capability);

        protected override void ProcessRecord()
        {
            var ids = UserId ?? (InputObject?.BaseObject is string text ? new[] { text } : null);
            if (ids == null)
            {
                WriteItemError(new ImInputException(nameof(UserId), "The row has no user id: pass -UserId, or pipe ids or rows with a UserId (or Uid, User, Account) column."), "ImAdmin.InvalidArgument", InputObject);
                return;
            }
            foreach (var id in ids)
            {
                var row = RowOr(id);
                if (string.IsNullOrWhiteSpace(id))
                {
                    WriteItemError(new ImInputException(nameof(UserId), "A row has an empty user id. Remove empty values (or blank CSV cells)."), "ImAdmin.InvalidArgument", row);
                    continue;
                }
                var user = new UserInput(id.Trim(), Blank(DisplayName), Blank(AvatarUri));
                if (!ShouldProcess(id, Describe(user))) continue;
                _pending.Add((user, row));
                if (_pending.Count >= RowsPerFlush) Flush();
            }
        }

        protected override void EndProcessing() => Flush();

        /// <summary>Writes the outcome's users when -PassThru is given (Set-ImUser re-reads them first).</summary>
        protected virtual void WriteUsers(IReadOnlyList<ImUser> users)
        {
            if (PassThru) foreach (var user in users) WriteObject(user);
        }

        /// <summary>An empty CSV cell means "not given", not "clear it".</summary>
        private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToList();
            _pending.Clear();
            BatchOutcome<ImUser> outcome;
            try
            {
                outcome = Apply(batch.Select(p => p.User).ToList());
            }
            catch (ImException ex)
            {
                foreach (var item in batch) WriteItemFailure(ex, ErrorId, item.Row);
                return;
            }
            WriteUsers(outcome.Items);
            var rowsById = batch.ToLookup(p => p.User.UserId, p => p.Row);
            foreach (var failure in outcome.Failures)
                foreach (var row in rowsById[failure.Key].DefaultIfEmpty(failure.Key))
                    WriteItemError(failure.Error, ErrorId, row);
        }
    }
}
