using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ImAdmin.Base;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;
using ImAdmin.Engine.Providers.Capabilities;
using ImAdmin.Engine.Queries;

namespace ImAdmin.Cmdlets.Connections
{
    /// <summary>
    /// <para type="synopsis">Lists the client connections of a WuKongIM node, page by page.</para>
    /// <para type="description">
    /// -UserId matches user ids exactly (wildcards allowed); the server's own uid filter is a substring match, so it
    /// only narrows what is fetched. Without -UserId, -Skip and -First become the server's offset and limit.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImConnection", SupportsPaging = true)]
    [OutputType(typeof(ImConnection))]
    public sealed class GetImConnectionCommand : ImSessionCmdlet
    {
        /// <summary>
        /// Accuracy reported with -IncludeTotalCount: the server's total is the node's own socket count, which
        /// leaves out the connections it lists for other nodes.
        /// </summary>
        private const double NodeTotalAccuracy = 0.9;

        private IConnectionAdmin? _client;
        private PagingWindow? _window;
        private bool _totalWritten;

        /// <summary>Only this user's connections: an exact, case-sensitive match; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "User", "Account", "Member_Account", "user_id")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary>The node to list (default: the node the session talks to); the server forwards the request there.</summary>
        [Parameter]
        public ulong? NodeId { get; set; }

        /// <summary>The order the server lists and pages in (default: connection id), so -First gives the top entries without reading everything.</summary>
        [Parameter]
        public ConnectionSortKey SortBy { get; set; }

        /// <summary>Largest first.</summary>
        [Parameter]
        public SwitchParameter Descending { get; set; }

        /// <summary>Connections per request. Default 100.</summary>
        [Parameter]
        [ValidateRange(1, 10000)]
        public int PageSize { get; set; } = 100;

        protected override void BeginProcessing()
        {
            _client = RequireCapability<IConnectionAdmin>();
            _window = new PagingWindow(PagingParameters);
        }

        protected override void ProcessRecord()
        {
            if (_window!.IsFull) return;
            var query = new ConnectionQuery
            {
                UserIdContains = UserId == null ? null : ServerFilter(UserId),
                NodeId = NodeId,
                SortBy = SortBy,
                Descending = Descending,
                PageSize = PageSize,
            };
            try
            {
                if (UserId == null)
                {
                    // Every listed connection is output, so the server skips and stops for us (one listing per call).
                    query.Offset = (long)Math.Min(PagingParameters.Skip, long.MaxValue);
                    query.Limit = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue);
                    foreach (var connection in List(query)) WriteObject(connection);
                    return;
                }
                var pattern = new WildcardPattern(UserId, WildcardOptions.None);
                foreach (var connection in _window.Take(List(query).Where(c => pattern.IsMatch(c.UserId)))) WriteObject(connection);
            }
            catch (ImException ex)
            {
                WriteItemError(ex, "ImAdmin.GetConnectionFailed", UserId);
            }
        }

        /// <summary>The connections page by page; stopping the enumeration stops the paging.</summary>
        private IEnumerable<ImConnection> List(ConnectionQuery query)
        {
            foreach (var page in Stream(_client!.GetConnectionPagesAsync(query, CancellationToken)))
            {
                WriteTotalOnce(page);
                foreach (var connection in page.Connections) yield return connection;
            }
        }

        private void WriteTotalOnce(ConnectionPage page)
        {
            if (!PagingParameters.IncludeTotalCount || _totalWritten) return;
            _totalWritten = true;
            // With -UserId the node total says nothing about the matching count: report it as unknown.
            WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, page.NodeTotal), UserId == null ? NodeTotalAccuracy : 0.0));
        }

        /// <summary>
        /// What to send as the server's substring filter: the literal id, or for a wildcard pattern its longest
        /// literal run (none when the pattern has no literal part).
        /// </summary>
        private static string? ServerFilter(string pattern)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(pattern)) return WildcardPattern.Unescape(pattern);
            string longest = string.Empty;
            var run = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    run.Append(pattern[++i]);
                    continue;
                }
                if (c == '*' || c == '?' || c == '[')
                {
                    if (run.Length > longest.Length) longest = run.ToString();
                    run.Clear();
                    if (c != '[') continue;
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) break;
                    i = close; // a character class is not literal text
                    continue;
                }
                run.Append(c);
            }
            if (run.Length > longest.Length) longest = run.ToString();
            return longest.Length == 0 ? null : longest;
        }
    }
}
