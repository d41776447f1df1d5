using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ImAdmin.Base;
using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Cmdlets.Users
{
    /// <summary>
    /// New-ImUser and Set-ImUser: rows of a user id with an optional display name and avatar, from parameters, CSV
    /// columns (Name, Nick, Avatar, FaceUrl, Portrait bind too) or piped ids. Rows are confirmed one by one, sent 100 at
    /// a time through <see cref="IUserDirectory"/> (calls in the background, up to -ThrottleLimit, while rows keep
    /// binding; with -Journal each user row is journalled), and a user the server refuses is an error whose TargetObject
    /// is its row.
    /// </summary>
    public abstract class UserProfileCmdlet : ImRowCmdlet, IBulkParameters
    {
        /// <summary>Rows handed to the provider together (its client chunks further to its per-call limit).</summary>
        private const int RowsPerFlush = 100;

        private readonly List<UserRow> _pending = new List<UserRow>();

        /// <summary>One server call: its rows and the send prepared for them.</summary>
        private readonly struct UserCall
        {
            public UserCall(IReadOnlyList<UserRow> rows, Func<CancellationToken, Task<IReadOnlyList<ItemResult<ImUser>>>> send)
            {
                Rows = rows;
                Send = send;
            }

            public IReadOnlyList<UserRow> Rows { get; }

            public Func<CancellationToken, Task<IReadOnlyList<ItemResult<ImUser>>>> Send { get; }
        }
        private BulkRun<UserCall, IReadOnlyList<ItemResult<ImUser>>>? _run;

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

        /// <inheritdoc cref="IBulkParameters.ThrottleLimit"/>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <inheritdoc cref="IBulkParameters.Journal"/>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <inheritdoc cref="IBulkParameters.Summary"/>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected IUserDirectory Users { get; private set; } = null!;

        protected abstract string ErrorId { get; }

        /// <summary>The ShouldProcess action for one row.</summary>
        protected abstract string Describe(UserInput user);

        /// <summary>Checks a row before it is confirmed; an <see cref="ImInputException"/> fails the row alone.</summary>
        protected virtual void Check(UserInput user) { }

        /// <summary>
        /// The call that sends the rows (each result's Input is its user id), prepared on the pipeline thread: it runs in
        /// the background while later rows bind, so it must take along what it needs of the cmdlet's per-row state.
        /// </summary>
        protected abstract Func<CancellationToken, Task<IReadOnlyList<ItemResult<ImUser>>>> Prepare(IReadOnlyList<UserInput> users);

        protected override void BeginProcessing()
        {
            Users = RequireCapability<IUserDirectory>();
            _run = BulkRun.Create<UserCall, IReadOnlyList<ItemResult<ImUser>>>(this, this, ResolveSession().Provider, (call, ct) => call.Send(ct), Finished);
        }

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
                var action = Describe(user);
                if (!ShouldProcess(user.UserId, action)) continue;
                _run!.Progress.AddRead();
                // The row as its confirmation describes it: a changed name or avatar is another row.
                var key = _run.NextKey(MyInvocation.MyCommand.Name, user.UserId, action);
                if (key.HasValue && !_run.Admit(key.Value, null, user.UserId, () => new ImException(ImErrorKind.ServerError,
                            $"{user.UserId}: not sent: an earlier run with this journal may have done it (its outcome is unknown). Check the user; to send it anyway, run without -Journal.")
                        { OutcomeUnknown = true }, "ImAdmin.UserOutcomeUnknown", row))
                    continue;
                _pending.Add(new UserRow(user, row, key));
                if (_pending.Count >= RowsPerFlush) Flush();
            }
            _run!.Collect();
        }

        protected override void EndProcessing()
        {
            Flush();
            _run!.Finish();
            _run.Summarize(Summary);
        }

        /// <summary>Writes the users of the rows that succeeded, when -PassThru is given.</summary>
        protected virtual void WriteUsers(IReadOnlyList<ImUser> users)
        {
            if (PassThru) foreach (var user in users) WriteObject(user);
        }

        /// <summary>The row that gave <paramref name="userId"/> in a batch, for its error.</summary>
        private static UserRow? RowOf(IEnumerable<UserRow> batch, string userId) => batch.FirstOrDefault(p => p.User.UserId == userId);

        private static string? NotGivenIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToList();
            _pending.Clear();
            _run!.Start(new UserCall(batch, Prepare(batch.Select(p => p.User).ToList())),
                _run.Journal == null ? null : batch.Select(p => new KeyValuePair<JournalKey, string>(p.Key!.Value, p.User.UserId)));
        }

        /// <summary>A finished call (on the pipeline thread): each row's outcome to the journal, its user or its error to the pipeline.</summary>
        private void Finished(Dispatched<UserCall, IReadOnlyList<ItemResult<ImUser>>> call)
        {
            if (call.Cancelled) throw new PipelineStoppedException();
            var batch = call.Input.Rows;
            if (call.Error is ImException ex)
            {
                foreach (var item in batch) _run!.Record(item.Key, ex.OutcomeUnknown ? JournalState.Unknown : JournalState.Failed, item.User.UserId);
                foreach (var item in batch) WriteItemFailure(ex, ErrorId, item.Row);
                return;
            }
            if (call.Error != null) throw call.Error;
            foreach (var result in call.Output)
            {
                var item = RowOf(batch, (string)result.Input);
                _run!.Record(item?.Key, result.Succeeded ? JournalState.Sent : result.Error!.OutcomeUnknown ? JournalState.Unknown : JournalState.Failed, (string)result.Input);
            }
            WriteUsers(call.Output.Where(r => r.Succeeded).Select(r => r.Value!).ToList());
            foreach (var failure in call.Output.Where(r => !r.Succeeded)) WriteResult(failure, ErrorId, RowOf(batch, (string)failure.Input)?.Row ?? failure.Input);
        }

        /// <summary>A confirmed row: the user, its input row (the target of its error) and its journal key.</summary>
        private sealed class UserRow
        {
            public UserRow(UserInput user, object row, JournalKey? key)
            {
                User = user;
                Row = row;
                Key = key;
            }

            public UserInput User { get; }

            public object Row { get; }

            public JournalKey? Key { get; }
        }
    }
}
