using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.WuKongIM;

namespace ImAdmin.Engine.Tests.WuKongIM;

/// <summary>The text formats WuKongIM reports: Go durations, the server's uptimes, Go timestamps and device strings.</summary>
public class WuKongParsingTests
{
    [Theory]
    [InlineData("1h2m3s", 3723_000)]
    [InlineData("350ms", 350)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m0.25s", 120_250)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("-1m", -60_000)]
    [InlineData("3d4h5m6s", 273_906_000)]
    [InlineData("1y2d0h0m1s", 31_708_801_000)]
    [InlineData("1500us", 1.5)]
    [InlineData("1500µs", 1.5)]
    [InlineData("2000000ns", 2)]
    public void Durations_are_read_in_go_and_uptime_form(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond)), GoDuration.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("1..2s")]
    public void Unreadable_durations_are_null(string? text) => Assert.Null(GoDuration.Parse(text));

    [Fact]
    public void Go_timestamps_with_nanoseconds_and_offsets_are_read()
    {
        var value = GoTime.Parse("2026-04-22T10:11:12.123456789+08:00");

        Assert.Equal(new DateTimeOffset(2026, 4, 22, 10, 11, 12, TimeSpan.FromHours(8)).AddTicks(1234567), value);
        Assert.Null(GoTime.Parse("0001-01-01T00:00:00Z"));
        Assert.Null(GoTime.Parse("not a time"));
    }

    [Theory]
    [InlineData("App(主)", DeviceFlag.App, DeviceLevel.Master)]
    [InlineData("Web(从)", DeviceFlag.Web, DeviceLevel.Slave)]
    [InlineData("PC(主)", DeviceFlag.PC, DeviceLevel.Master)]
    [InlineData("PC（从）", DeviceFlag.PC, DeviceLevel.Slave)]
    public void Device_text_gives_the_device_kind_and_level(string text, DeviceFlag flag, DeviceLevel level) =>
        Assert.Equal(((DeviceFlag?)flag, (DeviceLevel?)level), WuKongDevice.Parse(text));

    [Fact]
    public void An_unknown_device_kind_keeps_its_level()
    {
        Assert.Equal(((DeviceFlag?)null, (DeviceLevel?)DeviceLevel.Master), WuKongDevice.Parse("未知(主)"));
        Assert.Equal(((DeviceFlag?)null, (DeviceLevel?)null), WuKongDevice.Parse(""));
    }
}
