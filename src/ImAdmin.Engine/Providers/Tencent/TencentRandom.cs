using System;
using System.Security.Cryptography;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>Unsigned 32-bit random numbers for the URL's random and a message's MsgRandom; thread-safe.</summary>
    internal static class TencentRandom
    {
        private static readonly RandomNumberGenerator Generator = RandomNumberGenerator.Create();

        public static uint Next()
        {
            var bytes = new byte[4];
            Generator.GetBytes(bytes);
            return BitConverter.ToUInt32(bytes, 0);
        }
    }
}
