using System.Globalization;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>How the Go server writes times and durations: RFC 3339 with nanoseconds in its local zone, and uptimes with days and years.</summary>
internal static class GoFormat
{
    /// <summary>The server's zone in these answers (China Standard Time, where most WuKongIM servers run).</summary>
    private static readonly TimeSpan Zone = TimeSpan.FromHours(8);

    /// <summary>time.Time JSON: RFC 3339 with up to nine fraction digits, trailing zeros dropped.</summary>
    public static string Time(DateTimeOffset value)
    {
        var local = value.ToOffset(Zone);
        var fraction = (local.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length == 0 ? "" : "." + fraction) + "+08:00";
    }

    /// <summary>Time in whole seconds, as the server's time.Unix(sec, 0) values carry it.</summary>
    public static string Seconds(DateTimeOffset value) => Time(new DateTimeOffset(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, value.Offset));

    /// <summary>The server's myUptime: "1y2d3h4m5s", "3h4m5s", "5s".</summary>
    public static string Uptime(TimeSpan span)
    {
        var secs = (long)Math.Max(0, span.TotalSeconds);
        long mins = secs / 60, hrs = mins / 60, days = hrs / 24, yrs = days / 365;
        if (yrs > 0) return $"{yrs}y{days % 365}d{hrs % 24}h{mins % 60}m{secs % 60}s";
        if (days > 0) return $"{days}d{hrs % 24}h{mins % 60}m{secs % 60}s";
        if (hrs > 0) return $"{hrs}h{mins % 60}m{secs % 60}s";
        if (mins > 0) return $"{mins}m{secs % 60}s";
        return $"{secs}s";
    }
}
