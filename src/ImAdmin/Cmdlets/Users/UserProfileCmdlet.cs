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
    public abstract class UserProfileCmdlet : ImRowCmdlet
    {
        /// <summary>Rows handed to the provider together (its client chunks further to its per-call limit).</summary>
        private const int RowsPerFlush = 100;

        private readonly List<(UserInput User, object Row)> _pending = new List<(UserInput User, object Row)>();

        /// <summary>The user ids. Binds from CSV columns UserId, Uid, User, Account, Member_Account or user_id, or plain strings piped in.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>The display name. Binds from CSV columns DisplayName, Name or Nick; an empty cell means "not given".</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Nick")]
        public string? DisplayName { get; set; }

        /// <summary>The avatar URL. Binds from CSV columns AvatarUri, Avatar, FaceUrl or Portrait; an empty cell means "not given".</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Avatar", "FaceUrl", "Portrait")]
        public string? AvatarUri { get; set; }

        /// <summary>Write the user of each row that succeeded.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected IUserDirectory Users { get; private set; } = null!;

        protected abstract string ErrorId { get; }

        /// <summary>The ShouldProcess action for one row.</summary>
        protected abstract string Describe(UserInput user);

        /// <summary>Checks a row before it is confirmed; an <see cref="ImInputException"/> fails the row alone.</summary>
        protected virtual void Check(UserInput user) { }

        /// <summary>Sends the rows; each result's Input is its user id.</summary>
        protected abstract IReadOnlyList<ItemResult<ImUser>> Apply(IReadOnlyList<UserInput> users);

        protected override void BeginProcessing() => Users = RequireCapability<IUserDirectory>();

        protected override void ProcessRecord()
        {
            var ids = UserId ?? (InputObject?.BaseObject is string text ? new[] { text } : null);
            if (ids == null)
            {
                WriteItemError(new ImInputException(nameof(UserId), "The row has no user id: pass -UserId, or pipe ids or rows with a UserId (or Uid, User, Account) column."),
                    "ImAdmin.InvalidArgument", InputObject);
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
                var user = new UserInput(id.Trim(), NotGivenIfEmpty(DisplayName), NotGivenIfEmpty(AvatarUri));
                try
                {
                    Check(user);
                }
                catch (ImInputException ex)
                {
                    WriteItemError(ex, "ImAdmin.InvalidArgument", row);
                    continue;
                }
                if (!ShouldProcess(user.UserId, Describe(user))) continue;
                _pending.Add((user, row));
                if (_pending.Count >= RowsPerFlush) Flush();
            }
        }

        protected override void EndProcessing() => Flush();

        /// <summary>Writes the users of the rows that succeeded, when -PassThru is given.</summary>
        protected virtual void WriteUsers(IReadOnlyList<ImUser> users)
        {
            if (PassThru) foreach (var user in users) WriteObject(user);
        }

        /// <summary>The row that gave <paramref name="userId"/> in the batch being sent, for its error.</summary>
        protected static object RowOf(IEnumerable<(UserInput User, object Row)> batch, string userId) =>
            batch.Where(p => p.User.UserId == userId).Select(p => p.Row).DefaultIfEmpty(userId).First();

        private static string? NotGivenIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToList();
            _pending.Clear();
            IReadOnlyList<ItemResult<ImUser>> results;
            try
            {
                results = Apply(batch.Select(p => p.User).ToList());
            }
            catch (ImException ex)
            {
                foreach (var item in batch) WriteItemFailure(ex, ErrorId, item.Row);
                return;
            }
            WriteUsers(results.Where(r => r.Succeeded).Select(r => r.Value!).ToList());
            foreach (var failure in results.Where(r => !r.Succeeded)) WriteResult(failure, ErrorId, RowOf(batch, (string)failure.Input));
        }
    }
}
