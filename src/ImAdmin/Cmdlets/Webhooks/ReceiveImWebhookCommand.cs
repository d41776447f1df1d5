using System;
using System.Management.Automation;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Webhooks.Listener;

namespace ImAdmin.Cmdlets.Webhooks
{
    /// <summary>
    /// <para type="synopsis">Listens for webhooks or callbacks of an IM server, answers each as the server requires and streams typed events.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "ImWebhook")]
    [OutputType(typeof(WuKongOnlineStatusEvent), typeof(WuKongMessageEvent),
        typeof(TencentStateChangeEvent), typeof(TencentBeforeFriendAddEvent), typeof(TencentBeforeFriendResponseEvent), typeof(TencentAfterFriendAddEvent),
        typeof(TencentAfterFriendDeleteEvent), typeof(TencentAfterBlacklistAddEvent), typeof(TencentAfterBlacklistDeleteEvent),
        typeof(TencentBeforePrivateMessageSendEvent), typeof(TencentAfterPrivateMessageSendEvent), typeof(TencentAfterPrivateMessageReportEvent),
        typeof(TencentAfterPrivateMessageRevokeEvent), typeof(TencentBeforeGroupCreateEvent), typeof(TencentAfterGroupCreateEvent),
        typeof(TencentBeforeApplyJoinGroupEvent), typeof(TencentBeforeInviteJoinGroupEvent), typeof(TencentAfterNewMemberJoinGroupEvent),
        typeof(TencentAfterMemberExitGroupEvent), typeof(TencentBeforeGroupMessageSendEvent), typeof(TencentAfterGroupMessageSendEvent),
        typeof(TencentAfterGroupFullEvent), typeof(TencentAfterGroupDestroyedEvent), typeof(TencentAfterGroupInfoChangedEvent),
        typeof(TencentGroupMemberStateChangeEvent), typeof(TencentRequestOverLimitEvent),
        typeof(WildfireMessageEvent), typeof(WildfireRecallEvent), typeof(WildfireOnlineStatusEvent), typeof(WildfireUserInfoEvent),
        typeof(WildfireRelationEvent), typeof(WildfireGroupInfoEvent), typeof(WildfireGroupMemberEvent), typeof(WildfireChannelInfoEvent),
        typeof(WildfireChannelSubscribeEvent), typeof(WildfireChatroomInfoEvent), typeof(WildfireChatroomMemberEvent),
        typeof(ImUnknownWebhookEvent))]
    public sealed class ReceiveImWebhookCommand : ImWebhookCmdlet
    {
        /// <summary>Where to listen: an http:// prefix ending in '/', e.g. http://127.0.0.1:8080/wk/. Default http://127.0.0.1:8080/.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Prefix { get; set; } = WebhookListenerOptions.DefaultPrefix;

        /// <summary>Stop after this many events (counted after duplicates are dropped).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Stop listening after this long.</summary>
        [Parameter]
        public TimeSpan Timeout { get; set; }

        /// <summary>Seconds one request may take to arrive whole; a sender that stalls longer is dropped, so it cannot delay the answers to others. Default 5.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int ReadTimeoutSec { get; set; } = 5;

        /// <summary>Pass on WuKongIM msg.notify messages that were already received (re-deliveries after a failure).</summary>
        [Parameter]
        public SwitchParameter NoDeduplicate { get; set; }

        protected override void ProcessRecord()
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(Timeout)) && Timeout <= TimeSpan.Zero)
                ThrowInvalidArgument(nameof(Timeout), $"-Timeout must be positive, e.g. (New-TimeSpan -Minutes 5); it was {Timeout}.");
            var options = new WebhookListenerOptions
            {
                Provider = Provider, Prefix = Prefix, Parse = BuildParseOptions(), Deduplicate = !NoDeduplicate,
                RequestReadTimeout = TimeSpan.FromSeconds(ReadTimeoutSec),
            };
            WebhookListener listener;
            try
            {
                listener = WebhookListener.Start(options);
            }
            catch (ImException ex)
            {
                ThrowTerminating(ex, ex is ImInputException ? "ImAdmin.InvalidArgument" : "ImAdmin.ListenFailed", Prefix);
                return;
            }
            using (listener)
            {
                WriteVerbose($"Listening on {listener.Prefix} for {Provider} webhooks" + (bound.ContainsKey(nameof(Count)) ? $" until {Count} events arrive." : ".") + " Press Ctrl+C to stop.");
                if (!IsLoopback(listener.Prefix))
                    WriteWarning($"{listener.Prefix} accepts requests from other computers. {Provider} webhooks " +
                                 (Provider == Engine.Sessions.ImProvider.TencentCloud && CallbackToken != null ? "are checked with -CallbackToken," : "are not signed,") +
                                 " so limit who can reach this port.");
                try
                {
                    var count = bound.ContainsKey(nameof(Count)) ? Count : (int?)null;
                    var timeout = bound.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null;
                    foreach (var receipt in listener.Receive(count, timeout, CancellationToken))
                    {
                        WriteVerbose(receipt.ToString());
                        var refused = listener.TakeRefusedCount();
                        if (refused > 0) WriteWarning($"{refused} webhook request(s) were answered 503 because this pipeline fell behind; the server sends them again later.");
                        ReportDropped(listener);
                        WriteParsed(receipt.Warnings, receipt.Errors, receipt.Events, receipt);
                    }
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
            ReportDropped(listener);
            WriteVerbose($"Stopped listening on {listener.Prefix}.");
        }

        /// <summary>Requests that did not arrive whole within -ReadTimeoutSec were closed unanswered; say so, one warning each.</summary>
        private void ReportDropped(WebhookListener listener)
        {
            foreach (var reason in listener.TakeDropped())
                WriteWarning($"A webhook request was dropped unanswered: {reason}. The sender may send it again.");
        }

        private static bool IsLoopback(string prefix)
        {
            var host = new Uri(prefix.Replace("://+", "://wildcard").Replace("://*", "://wildcard")).Host;
            return host == "127.0.0.1" || host == "[::1]" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        }
    }
}
