using System;
using System.Security;

namespace ImAdmin.Engine.Models
{
    /// <summary>
    /// A Tencent Cloud IM UserSig made by New-ImUserSig. The sig itself is <see cref="Credential"/>, a SecureString,
    /// so it never shows in formatting, logs or transcripts; nothing here prints it.
    /// </summary>
    public sealed class ImUserSig
    {
        public ImUserSig(string identifier, long sdkAppId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, SecureString credential)
        {
            Identifier = identifier;
            SdkAppId = sdkAppId;
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
            Credential = credential;
        }

        /// <summary>The UserID the sig logs in.</summary>
        public string Identifier { get; }

        public long SdkAppId { get; }

        public DateTimeOffset IssuedAt { get; }

        /// <summary>After this the server answers 70001 (sig expired).</summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <summary>The UserSig, read-only. Reveal it with New-ImUserSig -AsPlainText or ConvertFrom-SecureString -AsPlainText.</summary>
        public SecureString Credential { get; }

        public override string ToString() => $"UserSig for {Identifier}@{SdkAppId}, expires {ExpiresAt:u}";
    }
}
