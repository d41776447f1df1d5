using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>Base of the group callbacks that are not messages.</summary>
    public abstract class TencentGroupEvent : TencentCallbackEvent
    {
        public string GroupId { get; set; } = string.Empty;

        /// <summary>Public, Private, ChatRoom, AVChatRoom, Community, ...</summary>
        public string? GroupType { get; set; }

        public override string ToString() => $"group {GroupId}";
    }

    /// <summary>A custom group field set at creation (UserDefinedDataList).</summary>
    public sealed class TencentGroupField
    {
        public string Key { get; set; } = string.Empty;
        public string? Value { get; set; }

        public override string ToString() => $"{Key}={Value}";
    }

    /// <summary>Base of the group callbacks about members someone acted on (creation, invitation, joining, leaving).</summary>
    public abstract class TencentGroupMembersEvent : TencentGroupEvent
    {
        /// <summary>Who acted (Operator_Account).</summary>
        public string? OperatorUserId { get; set; }

        /// <summary>The members concerned: initial members, invitees, new members or members who left.</summary>
        public string[] Members { get; set; } = Array.Empty<string>();

        public override string ToString() => $"group {GroupId}: {string.Join(", ", Members)}";
    }

    /// <summary>Base of the group creation callbacks.</summary>
    public abstract class TencentGroupCreationEvent : TencentGroupMembersEvent
    {
        public string? OwnerUserId { get; set; }

        public string? Name { get; set; }

        /// <summary>How many groups of this type the user has created (CreateGroupNum).</summary>
        public int CreatedGroupCount { get; set; }
    }

    /// <summary>Group.CallbackBeforeCreateGroup (before; ImAdmin allows it). The group has no id yet.</summary>
    public sealed class TencentBeforeGroupCreateEvent : TencentGroupCreationEvent
    {
        public override string ToString() => $"{OperatorUserId} creates {GroupType} group '{Name}'";
    }

    /// <summary>Group.CallbackAfterCreateGroup: a group was created.</summary>
    public sealed class TencentAfterGroupCreateEvent : TencentGroupCreationEvent
    {
        public TencentGroupField[] UserDefinedData { get; set; } = Array.Empty<TencentGroupField>();
    }

    /// <summary>Group.CallbackBeforeApplyJoinGroup (before; ImAdmin allows it): a user applies to join.</summary>
    public sealed class TencentBeforeApplyJoinGroupEvent : TencentGroupEvent
    {
        public string RequestorUserId { get; set; } = string.Empty;

        public override string ToString() => $"{RequestorUserId} applies to join {GroupId}";
    }

    /// <summary>Group.CallbackBeforeInviteJoinGroup (before; ImAdmin allows every member): members are invited.</summary>
    public sealed class TencentBeforeInviteJoinGroupEvent : TencentGroupMembersEvent
    {
    }

    /// <summary>Group.CallbackAfterNewMemberJoin: members joined.</summary>
    public sealed class TencentAfterNewMemberJoinGroupEvent : TencentGroupMembersEvent
    {
        /// <summary>Apply or Invited.</summary>
        public string? JoinType { get; set; }
    }

    /// <summary>Group.CallbackAfterMemberExit: members left or were kicked.</summary>
    public sealed class TencentAfterMemberExitGroupEvent : TencentGroupMembersEvent
    {
        /// <summary>Kicked or Quit.</summary>
        public string? ExitType { get; set; }
    }

    /// <summary>Group.CallbackAfterGroupFull: the group reached its member limit.</summary>
    public sealed class TencentAfterGroupFullEvent : TencentGroupEvent
    {
    }

    /// <summary>Group.CallbackAfterGroupDestroyed: a group was disbanded.</summary>
    public sealed class TencentAfterGroupDestroyedEvent : TencentGroupEvent
    {
        public string? Name { get; set; }

        /// <summary>The owner (Owner_Account).</summary>
        public string? OwnerUserId { get; set; }

        /// <summary>Who was in the group.</summary>
        public string[] Members { get; set; } = Array.Empty<string>();

        public override string ToString() => $"group {GroupId} '{Name}' disbanded ({Members.Length} members)";
    }

    /// <summary>Group.CallbackAfterGroupInfoChanged: the group's profile changed.</summary>
    public sealed class TencentAfterGroupInfoChangedEvent : TencentGroupEvent
    {
        /// <summary>The new group notice.</summary>
        public string? Notification { get; set; }

        public string? OperatorUserId { get; set; }

        public override string ToString() => $"group {GroupId} changed by {OperatorUserId}" + (Notification == null ? string.Empty : $"; notice: {Notification}");
    }

    /// <summary>Group.CallbackOnMemberStateChange: members of a live-stream group went offline or came back.</summary>
    public sealed class TencentGroupMemberStateChangeEvent : TencentGroupEvent
    {
        /// <summary>Online or Offline (EventType).</summary>
        public string? State { get; set; }

        /// <summary>HeartbeatInterrupt, HeartbeatRecover, Join or Quit (EventCause).</summary>
        public string? Cause { get; set; }

        public string[] Members { get; set; } = Array.Empty<string>();

        public override string ToString() => $"{GroupId}: {string.Join(", ", Members)} {State}";
    }
}
