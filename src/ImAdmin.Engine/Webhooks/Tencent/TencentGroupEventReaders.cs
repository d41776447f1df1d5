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

        /// <summary>A group event about members someone acted on; <paramref name="list"/> is the wire name of their array.</summary>
        public static T Members<T>(JsonElement b, T ev, string list) where T : TencentGroupMembersEvent
        {
            Group(b, ev);
            ev.OperatorUserId = b.Str("Operator_Account");
            ev.Members = b.Accounts(list, Member);
            return ev;
        }

        public static T Creation<T>(JsonElement b, T ev) where T : TencentGroupCreationEvent
        {
            Members(b, ev, "MemberList");
            ev.OwnerUserId = b.Str("Owner_Account");
            ev.Name = b.Str("Name");
            ev.CreatedGroupCount = b.Int("CreateGroupNum");
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

        public static IImWebhookEvent AfterNewMemberJoin(JsonElement b)
        {
            var ev = Members(b, new TencentAfterNewMemberJoinGroupEvent(), "NewMemberList");
            ev.JoinType = b.Str("JoinType");
            return ev;
        }

        public static IImWebhookEvent AfterMemberExit(JsonElement b)
        {
            var ev = Members(b, new TencentAfterMemberExitGroupEvent(), "ExitMemberList");
            ev.ExitType = b.Str("ExitType");
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
