using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ImAdmin.Engine.Security
{
    /// <summary>
    /// A secret (token, key, password) held as a <see cref="SecureString"/>. It never prints its value:
    /// <see cref="ToString"/> is a mask, and the plain text is revealed only to the auth code that signs a request.
    /// </summary>
    public sealed class ImSecret
    {
        private readonly SecureString _value;

        public ImSecret(SecureString value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            _value = value.Copy();
            _value.MakeReadOnly();
        }

        /// <summary>Builds a secret from plain text (environment variables, tests).</summary>
        public static ImSecret FromPlainText(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            return new ImSecret(secure);
        }

        public int Length => _value.Length;

        /// <summary>The plain text, for the moment a request is signed. Never log or store the result.</summary>
        internal string Reveal()
        {
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_value);
                return Marshal.PtrToStringUni(ptr) ?? string.Empty;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        public override string ToString() => "********";
    }
}
