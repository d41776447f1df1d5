using System.Collections;
using System.Management.Automation;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Cmdlets.Webhooks
{
    /// <summary>
    /// <para type="synopsis">Turns the body of an IM server webhook or callback into typed event objects.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "ImWebhook")]
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
    public sealed class ConvertFromImWebhookCommand : ImWebhookCmdlet
    {
        private WebhookParseOptions _options = null!;

        /// <summary>The raw body as the server POSTed it ($WebhookData.RequestBody in a runbook).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RequestBody")]
        [AllowEmptyString]
        public string Body { get; set; } = string.Empty;

        /// <summary>The event name when the query string is lost (WuKongIM ?event=, Tencent CallbackCommand, or ImAdmin's Wildfire name).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WebhookEventCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Event { get; set; }

        /// <summary>The query string the webhook arrived with: "a=1&amp;b=2", the whole URL, or a hashtable.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Query { get; set; }

        protected override void BeginProcessing() => _options = BuildParseOptions();

        protected override void ProcessRecord()
        {
            var result = WebhookParser.Parse(new WebhookRequest(Provider, Body, Event, ReadQuery()), _options);
            WriteParsed(result.Warnings, result.Errors, result.Events, Body);
        }

        private WebhookQuery ReadQuery()
        {
            switch (Query is PSObject wrapped ? wrapped.BaseObject : Query)
            {
                case null:
                    return WebhookQuery.Empty;
                case string text:
                    return WebhookQuery.Parse(text);
                case System.Uri uri:
                    return WebhookQuery.Parse(uri.Query);
                case IDictionary dictionary:
                    return WebhookQuery.FromDictionary(dictionary);
                default:
                    ThrowInvalidArgument(nameof(Query), $"-Query takes a query string (\"SdkAppid=...&Sign=...\"), a URL or a hashtable; a {Query!.GetType().Name} was given.", Query);
                    return WebhookQuery.Empty;
            }
        }
    }
}
