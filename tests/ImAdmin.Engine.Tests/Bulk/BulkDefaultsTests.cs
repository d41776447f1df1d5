using ImAdmin.Engine.Bulk;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Tests.Bulk;

public class BulkDefaultsTests
{
    [Theory]
    [InlineData(ImProvider.WuKongIM, 8)]
    [InlineData(ImProvider.Wildfire, 8)]
    [InlineData(ImProvider.TencentCloud, 16)]
    public void Each_provider_has_a_default(ImProvider provider, int expected) => Assert.Equal(expected, BulkDefaults.Resolve(provider, null));

    [Fact]
    public void A_limit_above_the_providers_maximum_is_refused_naming_the_parameter()
    {
        Assert.Equal(64, BulkDefaults.Resolve(ImProvider.TencentCloud, 64));
        var ex = Assert.Throws<ImInputException>(() => BulkDefaults.Resolve(ImProvider.WuKongIM, 33));
        Assert.Equal("ThrottleLimit", ex.ParameterName);
        Assert.Contains("between 1 and 32", ex.Message);
        Assert.Throws<ImInputException>(() => BulkDefaults.Resolve(ImProvider.Wildfire, 0));
    }
}
