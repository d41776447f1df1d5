namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// The kind of a group. Each provider has its own set: Tencent Cloud IM Public, Private (Work), ChatRoom (Meeting),
    /// AVChatRoom and Community; WildfireChat Normal, Free, Restricted (what its apps create) and Organization.
    /// A type the session's provider does not have is refused before anything is sent.
    /// </summary>
    public enum GroupType
    {
        Public,
        Private,
        ChatRoom,
        AVChatRoom,
        Community,
        Normal,
        Free,
        Restricted,
        Organization,
    }
}
