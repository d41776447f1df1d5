using ImAdmin.Engine.Providers.Wildfire;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Tests.Wildfire;

/// <summary>The sign algorithm against the contract's vectors (computed independently with the server's own DigestUtils.sha1Hex).</summary>
public class WildfireSignerTests
{
    [Theory]
    [InlineData("76616", "123456", "1558350862502", "b98f9b0717f59febccf1440067a7f50d9b31bdde")] // TV1: the vendor docs' fixed signature
    [InlineData("12345", "my-Secret_Key!", "1700000000000", "055411ca8946ac382bf42f8f5cf9d0fb650e91c6")] // TV2
    public void Sign_matches_the_contract_vectors(string nonce, string secret, string timestamp, string expected)
    {
        Assert.Equal(expected, WildfireSigner.Sign(nonce, secret, timestamp));
    }

    [Fact]
    public void Next_uses_the_injected_clock_and_nonce_source()
    {
        var signer = new WildfireSigner(ImSecret.FromPlainText("123456"),
            () => DateTimeOffset.FromUnixTimeMilliseconds(1558350862502), () => 76616);

        var signature = signer.Next();

        Assert.Equal("76616", signature.Nonce);
        Assert.Equal("1558350862502", signature.Timestamp);
        Assert.Equal("b98f9b0717f59febccf1440067a7f50d9b31bdde", signature.Sign);
        Assert.DoesNotContain(signature.Sign, signature.ToString());
    }

    [Fact]
    public void Every_signature_gets_a_fresh_nonce_by_default()
    {
        var signer = new WildfireSigner(ImSecret.FromPlainText("s"));
        var nonces = Enumerable.Range(0, 20).Select(_ => signer.Next().Nonce).ToHashSet();
        Assert.True(nonces.Count > 15, "random nonces should practically never repeat");
        Assert.All(nonces, n => Assert.True(int.Parse(n) > 0));
    }
}
