using System;
using System.Globalization;
using System.Linq;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Http;
using ImAdmin.Engine.Security;

namespace ImAdmin.Engine.Sessions
{
    /// <summary>
    /// Completes a <see cref="ConnectionRequest"/>: parameters first, then a PSCredential, then IMADMIN_* environment
    /// variables (runbooks and CI), and fails with an error that names the missing parameter and its variable.
    /// </summary>
    public static class ConnectionResolver
    {
        public const string ProviderVariable = "IMADMIN_PROVIDER";
        public const string UriVariable = "IMADMIN_URI";
        public const string TokenVariable = "IMADMIN_TOKEN";
        public const string SdkAppIdVariable = "IMADMIN_SDKAPPID";
        public const string IdentifierVariable = "IMADMIN_IDENTIFIER";
        public const string SecretKeyVariable = "IMADMIN_SECRETKEY";
        public const string RegionVariable = "IMADMIN_REGION";
        public const string SecretVariable = "IMADMIN_SECRET";

        public static ResolvedConnection Resolve(ConnectionRequest request, Func<string, string?> environment)
        {
            string? Env(string name)
            {
                var value = environment(name);
                return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
            }

            var provider = request.Provider ?? ParseProvider(Env(ProviderVariable)) ?? InferProvider(request) ?? InferProvider(Env)
                ?? throw new ImInputException("Provider",
                    "Say which server to connect to: -Provider WuKongIM, TencentCloud or Wildfire (or set IMADMIN_PROVIDER).");
            var policy = (request.RetryPolicy ?? RetryPolicy.Default).Clone();
            policy.Validate();

            switch (provider)
            {
                case ImProvider.WuKongIM:
                {
                    var uri = RequireUri(request.Uri ?? ParseUri(Env(UriVariable), UriVariable), "WuKongIM", "http://127.0.0.1:5001");
                    return new ResolvedConnection(provider, uri, NameOf(request, uri), policy)
                    {
                        Token = request.Token ?? request.CredentialPassword ?? Secret(Env(TokenVariable)),
                        RequestsPerSecond = request.RequestsPerSecond,
                        PrimaryHandler = request.PrimaryHandler,
                    };
                }
                case ImProvider.TencentCloud:
                {
                    var sdkAppId = request.SdkAppId ?? ParseSdkAppId(Env(SdkAppIdVariable))
                        ?? throw new ImInputException("SdkAppId", "Tencent Cloud IM needs -SdkAppId (the app's SDKAppID from the console) or IMADMIN_SDKAPPID.");
                    if (sdkAppId <= 0 || sdkAppId > uint.MaxValue)
                        throw new ImInputException("SdkAppId", $"-SdkAppId {sdkAppId} is not a valid SDKAppID: it is a positive number such as 1400000000.");
                    var key = request.SecretKey ?? request.CredentialPassword ?? Secret(Env(SecretKeyVariable))
                        ?? throw new ImInputException("SecretKey", "Tencent Cloud IM needs -SecretKey (the app's key from the console), a -Credential whose password is the key, or IMADMIN_SECRETKEY.");
                    var identifier = request.Identifier ?? NullIfBlank(request.CredentialUserName) ?? Env(IdentifierVariable) ?? "administrator";
                    var region = request.Region ?? ParseRegion(Env(RegionVariable));
                    var uri = request.Uri ?? ParseUri(Env(UriVariable), UriVariable)
                        ?? (region.HasValue ? TencentRegions.BaseUri(region.Value) : null)
                        ?? throw new ImInputException("Region",
                            "Tencent Cloud IM needs -Region (where the SDKAppID was created, e.g. Singapore) or -Uri, or IMADMIN_REGION / IMADMIN_URI.");
                    RequireUri(uri, "TencentCloud", "https://adminapisgp.im.qcloud.com");
                    var lifetime = request.SignatureLifetime ?? TimeSpan.FromDays(1);
                    if (lifetime < TimeSpan.FromMinutes(5) || lifetime > TimeSpan.FromDays(50 * 365))
                        throw new ImInputException("SignatureLifetime", "-SignatureLifetime must be between 5 minutes and 50 years (Tencent advises 24 hours or more).");
                    return new ResolvedConnection(provider, uri, NameOf(request, uri), policy)
                    {
                        SdkAppId = sdkAppId,
                        SecretKey = key,
                        Identifier = identifier,
                        SignatureLifetime = lifetime,
                        RequestsPerSecond = request.RequestsPerSecond,
                        PrimaryHandler = request.PrimaryHandler,
                        Clock = request.Clock ?? (() => DateTimeOffset.UtcNow),
                    };
                }
                case ImProvider.Wildfire:
                {
                    var uri = RequireUri(request.Uri ?? ParseUri(Env(UriVariable), UriVariable), "Wildfire", "http://127.0.0.1:18080");
                    var secret = request.Secret ?? request.CredentialPassword ?? Secret(Env(SecretVariable))
                        ?? throw new ImInputException("Secret", "WildfireChat needs -Secret (the server's http.admin.secret_key), a -Credential whose password is the secret, or IMADMIN_SECRET.");
                    return new ResolvedConnection(provider, uri, NameOf(request, uri), policy)
                    {
                        Secret = secret,
                        RequestsPerSecond = request.RequestsPerSecond,
                        PrimaryHandler = request.PrimaryHandler,
                    };
                }
                default:
                    throw new ImInputException("Provider", $"Unknown provider '{provider}'.");
            }
        }

        /// <summary>Parses a provider name as admins write it (case-insensitive, common short forms).</summary>
        public static ImProvider? ParseProvider(string? value)
        {
            if (value == null) return null;
            switch (value.Trim().ToLowerInvariant())
            {
                case "wukongim": case "wukong": case "wk": return ImProvider.WuKongIM;
                case "tencentcloud": case "tencent": case "tim": case "tencentim": return ImProvider.TencentCloud;
                case "wildfire": case "wildfirechat": return ImProvider.Wildfire;
                default:
                    throw new ImInputException("Provider", $"'{value}' is not a provider ImAdmin knows. Use WuKongIM, TencentCloud or Wildfire.");
            }
        }

        private static ImProvider? InferProvider(ConnectionRequest r)
        {
            if (r.SdkAppId.HasValue || r.SecretKey != null || r.Region.HasValue) return ImProvider.TencentCloud;
            if (r.Secret != null) return ImProvider.Wildfire;
            if (r.Token != null) return ImProvider.WuKongIM;
            return null;
        }

        /// <summary>The provider whose own variables alone are set (an SDK app id means Tencent); null when none or several are.</summary>
        private static ImProvider? InferProvider(Func<string, string?> env)
        {
            var candidates = new[]
            {
                (ImProvider.TencentCloud, env(SdkAppIdVariable) ?? env(SecretKeyVariable)),
                (ImProvider.Wildfire, env(SecretVariable)),
                (ImProvider.WuKongIM, env(TokenVariable)),
            }.Where(c => c.Item2 != null).Select(c => c.Item1).ToList();
            return candidates.Count == 1 ? candidates[0] : (ImProvider?)null;
        }

        private static Uri RequireUri(Uri? uri, string provider, string example)
        {
            if (uri == null)
                throw new ImInputException("Uri", $"{provider} needs -Uri (the admin API address, e.g. {example}) or IMADMIN_URI.");
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ImInputException("Uri", $"-Uri '{uri}' must be an absolute http:// or https:// address, e.g. {example}.");
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
                throw new ImInputException("Uri", $"-Uri must not contain a query string or user info; pass credentials with their own parameters.");
            return uri;
        }

        private static Uri? ParseUri(string? value, string variable)
        {
            if (value == null) return null;
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri)) return uri;
            throw new ImInputException("Uri", $"{variable} '{value}' is not an absolute http:// or https:// address.");
        }

        private static long? ParseSdkAppId(string? value)
        {
            if (value == null) return null;
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
            throw new ImInputException("SdkAppId", $"{SdkAppIdVariable} '{value}' is not a number; it is the SDKAppID shown in the Tencent console.");
        }

        private static TencentRegion? ParseRegion(string? value)
        {
            if (value == null) return null;
            if (Enum.TryParse<TencentRegion>(value, ignoreCase: true, out var region)) return region;
            throw new ImInputException("Region", $"{RegionVariable} '{value}' is not a region. Use one of: {string.Join(", ", Enum.GetNames(typeof(TencentRegion)))}.");
        }

        private static string NameOf(ConnectionRequest request, Uri uri) =>
            NullIfBlank(request.Name) ?? (uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port);

        private static ImSecret? Secret(string? value) => value == null ? null : ImSecret.FromPlainText(value);

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
