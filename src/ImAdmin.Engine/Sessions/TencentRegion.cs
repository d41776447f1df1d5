using System;

namespace ImAdmin.Engine.Sessions
{
    /// <summary>The data centre an SDKAppID was created in; each has its own REST host.</summary>
    public enum TencentRegion
    {
        ChineseMainland,
        Singapore,
        Seoul,
        Tokyo,
        Frankfurt,
        Mumbai,
        SiliconValley,
        Jakarta,
    }

    public static class TencentRegions
    {
        /// <summary>The primary REST host of <paramref name="region"/> (HTTPS).</summary>
        public static Uri BaseUri(TencentRegion region) => new Uri("https://" + Host(region) + "/");

        private static string Host(TencentRegion region) => region switch
        {
            TencentRegion.ChineseMainland => "console.tim.qq.com",
            TencentRegion.Singapore => "adminapisgp.im.qcloud.com",
            TencentRegion.Seoul => "adminapikr.im.qcloud.com",
            TencentRegion.Tokyo => "adminapijpn.im.qcloud.com",
            TencentRegion.Frankfurt => "adminapiger.im.qcloud.com",
            TencentRegion.Mumbai => "adminapiind.im.qcloud.com",
            TencentRegion.SiliconValley => "adminapiusa.im.qcloud.com",
            TencentRegion.Jakarta => "adminapiidn.im.qcloud.com",
            _ => throw new ArgumentOutOfRangeException(nameof(region)),
        };
    }
}
