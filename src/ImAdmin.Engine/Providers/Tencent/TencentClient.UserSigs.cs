using System;
using System.Security;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Tencent
{
    public sealed partial class TencentClient
    {
        /// <summary>
        /// Makes a UserSig for <paramref name="identifier"/> with the session's SDKAppID and key, for client logins and
        /// tests. Local only: nothing is sent, and the identifier need not be imported yet.
        /// </summary>
        public ImUserSig NewUserSig(string identifier, TimeSpan lifetime)
        {
            ValidAccount(identifier, "Identifier");
            var seconds = Math.Floor(lifetime.TotalSeconds);
            if (seconds < 1 || lifetime > UserSig.MaxLifetime)
                throw new ImInputException("Lifetime", $"-Lifetime {lifetime} is out of range: a UserSig lives between 1 second and 50 years (Tencent advises at least 24 hours).");
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(Connection.Clock().ToUnixTimeSeconds());
            var whole = TimeSpan.FromSeconds(seconds);
            var sig = _sigs.IssueFor(identifier, issuedAt, whole);
            var secure = new SecureString();
            foreach (var c in sig) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new ImUserSig(identifier, Connection.SdkAppId, issuedAt, issuedAt + whole, secure);
        }
    }
}
