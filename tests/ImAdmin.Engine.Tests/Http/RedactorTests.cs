using ImAdmin.Engine.Diagnostics;

namespace ImAdmin.Engine.Tests.Http;

public class RedactorTests
{
    [Fact]
    public void Query_secrets_are_masked_and_other_values_kept()
    {
        var text = Redactor.RedactPathAndQuery(new Uri("https://h/v4/openim/sendmsg?sdkappid=1400000000&identifier=admin&usersig=eJyrVgrx&random=42&contenttype=json"));
        Assert.Equal("/v4/openim/sendmsg?sdkappid=1400000000&identifier=admin&usersig=***&random=42&contenttype=json", text);
    }

    [Fact]
    public void Secret_headers_are_masked()
    {
        Assert.Equal("***", Redactor.RedactHeader("token", "abc"));
        Assert.Equal("***", Redactor.RedactHeader("Sign", "abc"));
        Assert.Equal("12345", Redactor.RedactHeader("nonce", "12345"));
    }

    [Fact]
    public void Json_token_fields_are_masked_in_bodies()
    {
        var body = Redactor.RedactBody("{\"uid\":\"u1\",\"token\":\"s3cr\\\"et\",\"device_flag\":1,\"Password\" : \"p\"}");
        Assert.Equal("{\"uid\":\"u1\",\"token\":\"***\",\"device_flag\":1,\"Password\" : \"***\"}", body);
    }

    [Fact]
    public void Long_bodies_are_cut()
    {
        var body = Redactor.RedactBody(new string('x', 5000), 100);
        Assert.StartsWith(new string('x', 100), body);
        Assert.Contains("5000 chars", body);
    }
}
