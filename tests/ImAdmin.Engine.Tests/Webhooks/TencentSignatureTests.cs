using System.Collections;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models.Webhooks;
using ImAdmin.Engine.Security;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>Sign = lower-hex SHA-256(token + RequestTime), RequestTime within the skew, SdkAppid is ours (see docs/server-behaviour/tencent.md, 'Callbacks').</summary>
public sealed class TencentSignatureTests
{
    private const string VectorToken = "xxxxyyyy";
    private const long VectorTime = 1669872112;
    private const string VectorSign = "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
    private const string Body = """{"CallbackCommand":"Group.CallbackAfterGroupFull","GroupId":"g1"}""";

    private static WebhookParseOptions Options(long? now = VectorTime, string token = VectorToken, long? app = null, TimeSpan? skew = null) => new()
    {
        CallbackToken = ImSecret.FromPlainText(token),
        Now = () => DateTimeOffset.FromUnixTimeSeconds(now ?? VectorTime),
        SdkAppId = app,
        MaxClockSkew = skew ?? WebhookParseOptions.DefaultMaxClockSkew,
    };

    private static WebhookParseResult Parse(string query, WebhookParseOptions options) =>
        WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, Body, null, WebhookQuery.Parse(query)), options);

    private static ImWebhookException Rejected(WebhookParseResult result, WebhookCheck check)
    {
        Assert.True(result.Rejected);
        Assert.Empty(result.Events);
        var error = Assert.Single(result.Errors);
        Assert.Equal(check, error.Check);
        return error;
    }

    [Fact]
    public void Tencents_vector_verifies()
    {
        var result = Parse($"SdkAppid=1400000000&CallbackCommand=Group.CallbackAfterGroupFull&RequestTime={VectorTime}&Sign={VectorSign}", Options());

        Assert.Empty(result.Errors);
        Assert.IsType<TencentAfterGroupFullEvent>(Assert.Single(result.Events));
    }

    [Fact]
    public void Upper_case_hex_verifies_too()
    {
        Assert.Empty(Parse($"RequestTime={VectorTime}&Sign={VectorSign.ToUpperInvariant()}", Options()).Errors);
    }

    [Fact]
    public void The_docs_misprinted_token_does_not_match_the_vector()
    {
        var error = Rejected(Parse($"RequestTime={VectorTime}&Sign={VectorSign}", Options(token: "xxxyyy")), WebhookCheck.Signature);

        Assert.Contains("Sign does not match -CallbackToken", error.Message);
        Assert.Equal(ImErrorKind.Authentication, error.Kind);
        Assert.Equal("CallbackToken", error.ParameterName);
        Assert.DoesNotContain("xxxyyy", error.Message);
    }

    [Theory]
    [InlineData("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484060")]
    [InlineData("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d4840")]
    [InlineData("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d48406100")]
    [InlineData("zz773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061")]
    public void A_sign_that_differs_anywhere_or_in_length_is_refused(string sign)
    {
        Rejected(Parse($"RequestTime={VectorTime}&Sign={sign}", Options()), WebhookCheck.Signature);
    }

    [Fact]
    public void A_signature_for_another_time_is_refused()
    {
        Rejected(Parse($"RequestTime={VectorTime + 1}&Sign={VectorSign}", Options(now: VectorTime + 1)), WebhookCheck.Signature);
    }

    [Theory]
    [InlineData(61)]
    [InlineData(-61)]
    public void A_stale_or_future_request_time_is_refused_even_when_signed(long offset)
    {
        var error = Rejected(Parse($"RequestTime={VectorTime}&Sign={VectorSign}", Options(now: VectorTime + offset)), WebhookCheck.RequestTime);

        Assert.Contains("-MaxClockSkew 00:01:00", error.Message);
        Assert.Contains(offset > 0 ? "old" : "in the future", error.Message);
    }

    [Fact]
    public void The_allowed_skew_is_inclusive_and_configurable()
    {
        Assert.Empty(Parse($"RequestTime={VectorTime}&Sign={VectorSign}", Options(now: VectorTime + 60)).Errors);
        Assert.Empty(Parse($"RequestTime={VectorTime}&Sign={VectorSign}", Options(now: VectorTime + 3600, skew: TimeSpan.FromHours(2))).Errors);
    }

    [Fact]
    public void Without_a_query_string_a_token_cannot_be_checked_and_the_error_says_why()
    {
        var error = Rejected(Parse(string.Empty, Options()), WebhookCheck.Signature);

        Assert.Contains("Sign is missing", error.Message);
        Assert.Contains("runbook", error.Message);
    }

    [Theory]
    [InlineData("Sign=" + VectorSign, "missing")]
    [InlineData("Sign=" + VectorSign + "&RequestTime=yesterday", "'yesterday'")]
    public void A_missing_or_bad_request_time_is_named(string query, string expected)
    {
        Assert.Contains(expected, Rejected(Parse(query, Options()), WebhookCheck.RequestTime).Message);
    }

    [Fact]
    public void Another_apps_callback_is_refused()
    {
        var error = Rejected(Parse($"SdkAppid=1400000001&RequestTime={VectorTime}&Sign={VectorSign}", Options(app: 1400000000)), WebhookCheck.SdkAppId);

        Assert.Contains("1400000001", error.Message);
        Assert.Equal(ImErrorKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public void The_query_can_come_as_a_dictionary_and_names_are_case_insensitive()
    {
        var query = WebhookQuery.FromDictionary(new Hashtable { ["requesttime"] = VectorTime, ["SIGN"] = VectorSign, ["SdkAppid"] = "1400000000" });
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, Body, null, query), Options(app: 1400000000));

        Assert.Empty(result.Errors);
        Assert.Single(result.Events);
    }

    [Fact]
    public void Without_a_token_unsigned_callbacks_are_read()
    {
        var result = WebhookParser.Parse(new WebhookRequest(ImProvider.TencentCloud, Body), new WebhookParseOptions());

        Assert.Single(result.Events);
    }

    [Fact]
    public void The_query_never_prints_the_signature()
    {
        var text = WebhookQuery.Parse($"https://hooks.example/tc?RequestTime={VectorTime}&Sign={VectorSign}").ToString();

        Assert.DoesNotContain(VectorSign, text);
        Assert.Contains($"RequestTime={VectorTime}", text);
    }
}
