using System.IO.Compression;
using System.Text;
using ImAdmin.Engine.Providers.Tencent;

namespace ImAdmin.Engine.Tests.Tencent;

/// <summary>TLSSigAPIv2 against Tencent's published Vector 1 (see docs/server-behaviour/tencent.md, 'UserSig') and the other reference producers.</summary>
public class UserSigTests
{
    private const long SdkAppId = 1400000000;
    private const string Key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    private const string OtherKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Admin = "administrator";
    private const long Time = 1700000000;
    private const long Expire = 15552000;
    private static readonly DateTimeOffset IssuedAt = DateTimeOffset.FromUnixTimeSeconds(Time);
    private static readonly DateTimeOffset WithinLifetime = IssuedAt.AddDays(1);

    private const string ReferenceJson =
        """{"TLS.ver":"2.0","TLS.identifier":"administrator","TLS.sdkappid":1400000000,"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274="}""";

    private const string CSharpReference =
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJFJrSjILEoFipuamhrBRUsyc0Fi5qhqizPTgeZ7OVdVJOa5WfiFhEQklprkahtlWJaXmadHeuVV*mUX5xpU5Br6uUaEGpmb2CrVAgBObjSn";

    public static IEnumerable<object[]> ReferenceStrings() => new[]
    {
        new object[] { "C# reference (zlib level 6)", CSharpReference },
        new object[] { "Python reference", "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDKAAKpdaUZBZlAqSMTU1NUKIl2TmgkXN0dQXZ6aD7PFyrqpIzHOz8AsJiUgsNcnVNsqwLC8zT4-0yqv0yy7ONajINfRzjQg1MjexVaoFANTGNgc_" },
        new object[] { "Node reference (time before expire)", "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCwCiZuamhrBRYsz05WslLycqyoS89ws-EJCIhJLTXK1jTIsy8vM0yO98ir9sotzDSpyDf1cI0KNzE1slWoBQr40pw__" },
        new object[] { ".NET 10 ZLibStream Optimal", "eJxVikELwiAYhv-Ldy2GE8USOkUdRuzSgnUUtPUxNFFbVvTfozWC3tv7PM8Tmt2*GEwACbQgMB8-auMSnnDESlt0GFNQ6RKmIOpeeY8aZMnItK8x2WMwIEvOOf3RhPbDxH8bsQMJ1fqRldsu6qZp1ZXZGT0vb4PojpW71320JNuy3rQHKtgKXm9ObjSn" },
        new object[] { ".NET 10 ZLibStream SmallestSize (header 0x78DA)", "eNq" + CSharpReference[3..] },
        new object[] { "stored blocks (Go level 0)", Produce(CompressionLevel.NoCompression) },
    };

    /// <summary>Another compressor over the reference JSON: ZLibStream at <paramref name="level"/>.</summary>
    private static string Produce(CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, level)) zlib.Write(Encoding.UTF8.GetBytes(ReferenceJson));
        return Convert.ToBase64String(buffer.ToArray()).Replace('+', '*').Replace('/', '-').Replace('=', '_');
    }

    [Fact]
    public void Vector_1_string_to_sign_HMAC_and_TLS_sig_are_exact()
    {
        var text = UserSig.StringToSign(Admin, SdkAppId, Time, Expire, null);
        Assert.Equal("TLS.identifier:administrator\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n", text);
        var mac = UserSig.Hmac(Key, text);
        Assert.Equal("242cf16a717c3534d76aee26fb687dc2fee06099f2364b26d319b53445d4dbbe", Convert.ToHexStringLower(mac));
        Assert.Equal("JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=", Convert.ToBase64String(mac));
    }

    [Fact]
    public void Vector_1_JSON_has_the_CSharp_reference_layout()
    {
        var json = UserSig.Json(Admin, SdkAppId, Time, Expire, "JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274=");
        Assert.Equal(ReferenceJson, Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void Generated_Vector_1_decodes_to_the_reference_fields_and_is_a_zlib_stream()
    {
        var sig = UserSig.Generate(SdkAppId, Key, Admin, IssuedAt, TimeSpan.FromSeconds(Expire));
        Assert.Matches("^[A-Za-z0-9*_-]+$", sig);
        var raw = UserSig.DecodeBase64(sig);
        Assert.Equal(0x78, raw[0]);
        Assert.Equal(0, ((raw[0] << 8) | raw[1]) % 31);

        // An independent inflater (ZLibStream checks the header and the Adler-32 trailer) reads our stream.
        using var zlib = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib);
        Assert.Equal(ReferenceJson, reader.ReadToEnd());

        var decoded = UserSigDecoder.Decode(sig);
        Assert.Equal(("2.0", Admin, SdkAppId, Time, Expire, "JCzxanF8NTTXau4m+2h9wv7gYJnyNksm0xm1NEXU274="),
            (decoded.Version, decoded.Identifier, decoded.SdkAppId, decoded.Time, decoded.Expire, decoded.Signature));
        Assert.Equal(UserSigStatus.Valid, UserSigDecoder.Verify(sig, SdkAppId, Key, Admin, WithinLifetime));
    }

    [Theory]
    [MemberData(nameof(ReferenceStrings))]
    public void The_verifier_accepts_every_reference_producer(string producer, string userSig)
    {
        var decoded = UserSigDecoder.Decode(userSig);
        Assert.True(decoded.Identifier == Admin && decoded.SdkAppId == SdkAppId && decoded.Time == Time && decoded.Expire == Expire, producer);
        Assert.Equal(UserSigStatus.Valid, UserSigDecoder.Verify(userSig, SdkAppId, Key, Admin, WithinLifetime));
    }

    [Fact]
    public void The_verifier_reports_each_failure_in_the_reference_order()
    {
        Assert.Equal(UserSigStatus.SdkAppIdMismatch, UserSigDecoder.Verify(CSharpReference, 1400000001, Key, Admin, WithinLifetime));
        Assert.Equal(UserSigStatus.IdentifierMismatch, UserSigDecoder.Verify(CSharpReference, SdkAppId, Key, "Administrator", WithinLifetime));
        Assert.Equal(UserSigStatus.SignatureMismatch, UserSigDecoder.Verify(CSharpReference, SdkAppId, OtherKey, Admin, WithinLifetime));
        // Valid while now <= time + expire.
        var end = DateTimeOffset.FromUnixTimeSeconds(Time + Expire);
        Assert.Equal(UserSigStatus.Valid, UserSigDecoder.Verify(CSharpReference, SdkAppId, Key, Admin, end));
        Assert.Equal(UserSigStatus.Expired, UserSigDecoder.Verify(CSharpReference, SdkAppId, Key, Admin, end.AddSeconds(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a sig!")]
    [InlineData("eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl")]
    public void Malformed_sigs_are_reported_as_such(string userSig) =>
        Assert.Equal(UserSigStatus.Malformed, UserSigDecoder.Verify(userSig, SdkAppId, Key, Admin, WithinLifetime));

    [Fact]
    public void A_flipped_byte_fails_the_Adler_32_check()
    {
        var raw = UserSig.DecodeBase64(CSharpReference);
        raw[^5] ^= 0x01; // last byte of the deflate data
        Assert.Equal(UserSigStatus.Malformed, UserSigDecoder.Verify(UserSig.Encode(raw), SdkAppId, Key, Admin, WithinLifetime));
    }

    [Theory]
    [InlineData("user \"quoted\" \\ back")]
    [InlineData("用户-42+tag")]
    [InlineData("a\nb")]
    public void Identifiers_are_JSON_escaped_but_signed_raw(string identifier)
    {
        var sig = UserSig.Generate(SdkAppId, Key, identifier, IssuedAt, TimeSpan.FromDays(1));
        Assert.Equal(identifier, UserSigDecoder.Decode(sig).Identifier);
        Assert.Equal(UserSigStatus.Valid, UserSigDecoder.Verify(sig, SdkAppId, Key, identifier, IssuedAt));
    }

    [Fact]
    public void Round_trip_with_the_second_key_and_a_short_lifetime()
    {
        var sig = UserSig.Generate(4294967295, OtherKey, "alice", IssuedAt, TimeSpan.FromMinutes(5));
        Assert.Equal(UserSigStatus.Valid, UserSigDecoder.Verify(sig, 4294967295, OtherKey, "alice", IssuedAt.AddMinutes(5)));
        Assert.Equal(UserSigStatus.Expired, UserSigDecoder.Verify(sig, 4294967295, OtherKey, "alice", IssuedAt.AddMinutes(5).AddSeconds(1)));
        Assert.Equal(UserSigStatus.SignatureMismatch, UserSigDecoder.Verify(sig, 4294967295, Key, "alice", IssuedAt));
    }

    [Fact]
    public void Adler_32_matches_the_known_value() =>
        Assert.Equal(0x11E60398u, Zlib.Adler32(Encoding.ASCII.GetBytes("Wikipedia")));

    [Fact]
    public void Large_input_round_trips_through_the_zlib_codec()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20000).Select(i => i.ToString())));
        Assert.Equal(data, Zlib.Decompress(Zlib.Compress(data)));
    }

    [Fact]
    public void Lifetimes_outside_1_second_to_50_years_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UserSig.Generate(SdkAppId, Key, Admin, IssuedAt, TimeSpan.FromMilliseconds(500)));
        Assert.Throws<ArgumentOutOfRangeException>(() => UserSig.Generate(SdkAppId, Key, Admin, IssuedAt, TimeSpan.FromDays(50 * 365 + 1)));
    }
}
