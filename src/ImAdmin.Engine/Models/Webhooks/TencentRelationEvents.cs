using System;

namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>One friend a user asked to add (FriendItem of Sns.CallbackPrevFriendAdd).</summary>
    public sealed class TencentFriendRequest
    {
        /// <summary>The user to add (To_Account).</summary>
        public string UserId { get; set; } = string.Empty;
        public string? Remark { get; set; }
        public string? GroupName { get; set; }
        public string? AddSource { get; set; }
        public string? AddWording { get; set; }

        public override string ToString() => UserId;
    }

    /// <summary>One answer to a friend request (ResponseFriendItem of Sns.CallbackPrevFriendResponse).</summary>
    public sealed class TencentFriendResponse
    {
        /// <summary>The user whose request is answered (To_Account).</summary>
        public string UserId { get; set; } = string.Empty;
        public string? Remark { get; set; }
        public string? TagName { get; set; }

        /// <summary>Response_Action_AgreeAndAdd, Response_Action_Agree or Response_Action_Reject.</summary>
        public string? ResponseAction { get; set; }

        public override string ToString() => $"{UserId}: {ResponseAction}";
    }

    /// <summary>One relation that changed: <see cref="PeerUserId"/> was added to or removed from <see cref="UserId"/>'s list.</summary>
    public sealed class TencentRelationPair
    {
        /// <summary>Whose friend list or blacklist changed (From_Account).</summary>
        public string UserId { get; set; } = string.Empty;

        /// <summary>Who was added or removed (To_Account).</summary>
        public string PeerUserId { get; set; } = string.Empty;

        /// <summary>Friend adds: who sent the request (Initiator_Account).</summary>
        public string? InitiatorUserId { get; set; }

        public override string ToString() => $"{UserId} -> {PeerUserId}";
    }

    /// <summary>Sns.CallbackPrevFriendAdd (before; ImAdmin allows it): a user asks to add friends.</summary>
    public sealed class TencentBeforeFriendAddEvent : TencentCallbackEvent
    {
        public string? RequesterUserId { get; set; }

        /// <summary>The user who adds friends (From_Account).</summary>
        public string From { get; set; } = string.Empty;

        /// <summary>Add_Type_Single or Add_Type_Both.</summary>
        public string? AddType { get; set; }

        /// <summary>An admin forced the add (ForceAddFlags 1).</summary>
        public bool ForceAdd { get; set; }

        public TencentFriendRequest[] Friends { get; set; } = Array.Empty<TencentFriendRequest>();

        public override string ToString() => $"{From} asks to add {string.Join(", ", (object[])Friends)}";
    }

    /// <summary>Sns.CallbackPrevFriendResponse (before; ImAdmin allows it): a user answers friend requests.</summary>
    public sealed class TencentBeforeFriendResponseEvent : TencentCallbackEvent
    {
        public string? RequesterUserId { get; set; }

        /// <summary>The user who answers (From_Account).</summary>
        public string From { get; set; } = string.Empty;

        public TencentFriendResponse[] Responses { get; set; } = Array.Empty<TencentFriendResponse>();

        public override string ToString() => $"{From} answers {string.Join(", ", (object[])Responses)}";
    }

    /// <summary>Base of the friend and blacklist change callbacks: the pairs that changed.</summary>
    public abstract class TencentRelationEvent : TencentCallbackEvent
    {
        public TencentRelationPair[] Pairs { get; set; } = Array.Empty<TencentRelationPair>();

        public override string ToString() => string.Join(", ", (object[])Pairs);
    }

    /// <summary>Sns.CallbackFriendAdd: friends were added.</summary>
    public sealed class TencentAfterFriendAddEvent : TencentRelationEvent
    {
        /// <summary>What triggered it: friend_add, FriendAdd, friend_response or FriendResponse (ClientCmd).</summary>
        public string? ClientCommand { get; set; }

        /// <summary>The admin account when a REST call added the friends.</summary>
        public string? AdminUserId { get; set; }

        /// <summary>An admin forced the add (ForceFlag 1).</summary>
        public bool ForceAdd { get; set; }
    }

    /// <summary>Sns.CallbackFriendDelete: friends were deleted.</summary>
    public sealed class TencentAfterFriendDeleteEvent : TencentRelationEvent
    {
    }

    /// <summary>Sns.CallbackBlackListAdd: users were blacklisted.</summary>
    public sealed class TencentAfterBlacklistAddEvent : TencentRelationEvent
    {
    }

    /// <summary>Sns.CallbackBlackListDelete: users were taken off a blacklist.</summary>
    public sealed class TencentAfterBlacklistDeleteEvent : TencentRelationEvent
    {
    }
}
