using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Engine.Tests.Sessions;

public class ConnectionResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Parameters_win_over_environment()
    {
        var resolved = ConnectionResolver.Resolve(
            new ConnectionRequest { Provider = ImProvider.WuKongIM, Uri = new Uri("http://a:5001") },
            Env(("IMADMIN_URI", "http://b:5001"), ("IMADMIN_TOKEN", "t")));
        Assert.Equal(new Uri("http://a:5001"), resolved.Uri);
        Assert.Equal("t", resolved.Token!.Reveal());
        Assert.Equal("a:5001", resolved.Name);
    }

    [Fact]
    public void Environment_alone_connects_each_provider()
    {
        var wk = ConnectionResolver.Resolve(new ConnectionRequest(), Env(("IMADMIN_PROVIDER", "wukongim"), ("IMADMIN_URI", "http://im:5001")));
        Assert.Equal(ImProvider.WuKongIM, wk.Provider);
        Assert.Null(wk.Token);

        var tc = ConnectionResolver.Resolve(new ConnectionRequest(), Env(("IMADMIN_PROVIDER", "TencentCloud"), ("IMADMIN_SDKAPPID", "1400000001"),
            ("IMADMIN_SECRETKEY", "k"), ("IMADMIN_REGION", "singapore")));
        Assert.Equal(1400000001, tc.SdkAppId);
        Assert.Equal("administrator", tc.Identifier);
        Assert.Equal(new Uri("https://adminapisgp.im.qcloud.com/"), tc.Uri);

        var wf = ConnectionResolver.Resolve(new ConnectionRequest(), Env(("IMADMIN_PROVIDER", "Wildfire"), ("IMADMIN_URI", "http://im:18080"), ("IMADMIN_SECRET", "s")));
        Assert.Equal("s", wf.Secret!.Reveal());
    }

    [Fact]
    public void Credential_supplies_secret_and_tencent_identifier()
    {
        var tc = ConnectionResolver.Resolve(new ConnectionRequest
        {
            Provider = ImProvider.TencentCloud, SdkAppId = 1400000000, Region = TencentRegion.Frankfurt,
            CredentialUserName = "ops-admin", CredentialPassword = ImSecret.FromPlainText("key"),
        }, Env());
        Assert.Equal("ops-admin", tc.Identifier);
        Assert.Equal("key", tc.SecretKey!.Reveal());
        Assert.Equal("adminapiger.im.qcloud.com", tc.Uri.Host);
    }

    [Fact]
    public void Provider_is_inferred_from_provider_specific_parameters()
    {
        var wf = ConnectionResolver.Resolve(new ConnectionRequest { Uri = new Uri("http://x:18080"), Secret = ImSecret.FromPlainText("s") }, Env());
        Assert.Equal(ImProvider.Wildfire, wf.Provider);
    }

    [Fact]
    public void Provider_is_inferred_from_the_environment_when_only_one_providers_variables_are_set()
    {
        var tc = ConnectionResolver.Resolve(new ConnectionRequest(), Env(("IMADMIN_SDKAPPID", "1400000001"),
            ("IMADMIN_SECRETKEY", "k"), ("IMADMIN_REGION", "Singapore")));
        Assert.Equal(ImProvider.TencentCloud, tc.Provider);
        var wf = ConnectionResolver.Resolve(new ConnectionRequest(), Env(("IMADMIN_URI", "http://im:18080"), ("IMADMIN_SECRET", "s")));
        Assert.Equal(ImProvider.Wildfire, wf.Provider);

        var ambiguous = Assert.Throws<ImInputException>(() => ConnectionResolver.Resolve(new ConnectionRequest(),
            Env(("IMADMIN_SDKAPPID", "1400000001"), ("IMADMIN_URI", "http://im:18080"), ("IMADMIN_SECRET", "s"))));
        Assert.Equal("Provider", ambiguous.ParameterName);
    }

    [Theory]
    [InlineData(null, "Provider")]
    [InlineData("WuKongIM", "Uri")]
    [InlineData("Wildfire", "Uri")]
    [InlineData("TencentCloud", "SdkAppId")]
    public void Missing_values_name_the_parameter(string? provider, string parameter)
    {
        var ex = Assert.Throws<ImInputException>(() => ConnectionResolver.Resolve(
            new ConnectionRequest { Provider = provider == null ? null : Enum.Parse<ImProvider>(provider) }, Env()));
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Contains("-" + parameter, ex.Message);
    }

    [Fact]
    public void Tencent_without_region_or_uri_says_how_to_fix_it()
    {
        var ex = Assert.Throws<ImInputException>(() => ConnectionResolver.Resolve(
            new ConnectionRequest { SdkAppId = 1400000000, SecretKey = ImSecret.FromPlainText("k") }, Env()));
        Assert.Equal("Region", ex.ParameterName);
        Assert.Contains("-Uri", ex.Message);
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("http://u:p@x:5001")]
    [InlineData("http://x:5001/?token=abc")]
    public void Bad_uris_are_refused(string uri)
    {
        var ex = Assert.Throws<ImInputException>(() => ConnectionResolver.Resolve(
            new ConnectionRequest { Provider = ImProvider.WuKongIM, Uri = new Uri(uri) }, Env()));
        Assert.Equal("Uri", ex.ParameterName);
    }

    [Fact]
    public void Unknown_provider_name_in_environment_is_explained()
    {
        var ex = Assert.Throws<ImInputException>(() => ConnectionResolver.Resolve(new ConnectionRequest(), Env(("IMADMIN_PROVIDER", "slack"))));
        Assert.Contains("WuKongIM, TencentCloud or Wildfire", ex.Message);
    }

    [Fact]
    public void Secrets_never_print()
    {
        var secret = ImSecret.FromPlainText("very-secret");
        Assert.DoesNotContain("very-secret", secret.ToString());
        var resolved = ConnectionResolver.Resolve(new ConnectionRequest { Provider = ImProvider.WuKongIM, Uri = new Uri("http://x:1"), Token = secret }, Env());
        Assert.DoesNotContain("very-secret", resolved.ToString());
    }
}
