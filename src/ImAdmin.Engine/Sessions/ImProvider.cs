namespace ImAdmin.Engine.Sessions
{
    /// <summary>The IM server families ImAdmin speaks to.</summary>
    public enum ImProvider
    {
        /// <summary>WuKongIM v2 admin HTTP API (default port 5001).</summary>
        WuKongIM,

        /// <summary>Tencent Cloud IM REST API (v4), authenticated with a UserSig.</summary>
        TencentCloud,

        /// <summary>WildfireChat im-server admin API (default port 18080), signed with the admin secret.</summary>
        Wildfire,
    }
}
