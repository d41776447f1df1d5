using System.Linq;
using System.Text.Json;
using ImAdmin.Engine.Models.Webhooks;

namespace ImAdmin.Engine.Webhooks.Tencent
{
    /// <summary>Readers of the group callbacks that are not messages.</summary>
    internal static class TencentGroupEventReaders
    {
        private const string Member = "Member_Account";

        public static T Group<T>(JsonElement b, T ev) where T : TencentGroupEvent
        {
            ev.GroupId = b.Str("GroupId") ?? string.Empty;
            ev.GroupType = b.Str("Type");
            return ev;
        }

        public static T Creation<T>(JsonElement b, T ev) where T : TencentGroupCreationEvent
        {
            Group(b, ev);
            ev.OperatorUserId = b.Str("Operator_Account");
            ev.OwnerUserId = b.Str("Owner_Account");
            ev.Name = b.Str("Name");
            ev.CreatedGroupCount = b.Int("CreateGroupNum");
            ev.Members = b.Accounts("MemberList", Member);
            return ev;
        }

        public static IImWebhookEvent AfterCreate(JsonElement b)
        {
            var ev = Creation(b, new TencentAfterGroupCreateEvent());
            ev.UserDefinedData = b.Objects("UserDefinedDataList")
                .Select(f => new TencentGroupField { Key = f.Str("Key") ?? string.Empty, Value = f.Str("Value") }).ToArray();
            return ev;
        }

        public static IImWebhookEvent BeforeApplyJoin(JsonElement b)
        {
            var ev = Group(b, new TencentBeforeApplyJoinGroupEvent());
            ev.RequestorUserId = b.Str("Requestor_Account") ?? string.Empty;
            return ev;
        }

        public static IImWebhookEvent BeforeInviteJoin(JsonElement b)
        {
            var ev = Group(b, new TencentBeforeInviteJoinGroupEvent());
            ev.OperatorUserId = b.Str("Operator_Account");
            ev.Members = b.Accounts("DestinationMembers", Member);
            return ev;
        }

        public static IImWebhookEvent AfterNewMemberJoin(JsonElement b)
        {
            var ev = Group(b, new TencentAfterNewMemberJoinGroupEvent());
            ev.JoinType = b.Str("JoinType");
            ev.OperatorUserId = b.Str("Operator_Account");
            ev.Members = b.Accounts("NewMemberList", Member);
            return ev;
        }

        public static IImWebhookEvent AfterMemberExit(JsonElement b)
        {
            var ev = Group(b, new TencentAfterMemberExitGroupEvent());
            ev.ExitType = b.Str("ExitType");
            ev.OperatorUserId = b.Str("Operator_Account");
            ev.Members = b.Accounts("ExitMemberList", Member);
            return ev;
        }

        public static IImWebhookEvent AfterDestroyed(JsonElement b)
        {
            var ev = Group(b, new TencentAfterGroupDestroyedEvent());
            ev.Name = b.Str("Name");
            ev.OwnerUserId = b.Str("Owner_Account");
            ev.Members = b.Accounts("MemberList", Member);
            return ev;
        }

        public static IImWebhookEvent AfterInfoChanged(JsonElement b)
        {
            var ev = Group(b, new TencentAfterGroupInfoChangedEvent());
            ev.Notification = b.Str("Notification");
            ev.OperatorUserId = b.Str("Operator_Account");
            return ev;
        }

        public static IImWebhookEvent MemberStateChange(JsonElement b)
        {
            var ev = Group(b, new TencentGroupMemberStateChangeEvent());
            ev.State = b.Str("EventType");
            ev.Cause = b.Str("EventCause");
            ev.Members = b.Accounts("MemberList", Member);
            return ev;
        }
    }
}
