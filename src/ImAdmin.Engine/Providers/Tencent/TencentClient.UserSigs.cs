using System;
using System.Security;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;
using ImAdmin.Engine.Providers.Capabilities;

namespace ImAdmin.Engine.Providers.Tencent
{
    public sealed partial class TencentClient : IUserSigIssuer
    {
        /// <summary>
        /// Makes a UserSig for <paramref name="identifier"/> with the session's SDKAppID and key, for client logins and
        /// tests. Local only: nothing is sent, and the identifier need not be imported yet.
        /// </summary>
        public ImUserSig NewUserSig(string identifier, TimeSpan lifetime)
        {
            ValidAccount(identifier, "Identifier");
            CheckUserSigLifetime(lifetime);
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(Connection.Clock().ToUnixTimeSeconds());
            var whole = TimeSpan.FromSeconds(Math.Floor(lifetime.TotalSeconds));
            var sig = _sigs.IssueFor(identifier, issuedAt, whole);
            var secure = new SecureString();
            foreach (var c in sig) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new ImUserSig(identifier, Connection.SdkAppId, issuedAt, issuedAt + whole, secure);
        }

        /// <summary>A UserSig's lifetime is whole seconds, from 1 second to 50 years.</summary>
        public void CheckUserSigLifetime(TimeSpan lifetime)
        {
            if (lifetime.TotalSeconds < 1 || lifetime > UserSig.MaxLifetime)
                throw new ImInputException("Lifetime", $"-Lifetime {lifetime} is out of range: a UserSig lives between 1 second and 50 years (Tencent advises at least 24 hours), e.g. -Lifetime (New-TimeSpan -Days 7).");
        }
    }
}
