using System;
using System.IO;
using System.IO.Compression;

namespace ImAdmin.Engine.Providers.Tencent
{
    /// <summary>
    /// zlib streams (RFC 1950: 2-byte header, deflate data, big-endian Adler-32 of the plain data), which UserSigs use.
    /// netstandard2.0 has no ZLibStream, so the header and trailer are written and checked here around a DeflateStream.
    /// </summary>
    internal static class Zlib
    {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x9C: "default level", no preset dictionary, check bits valid.
        private const byte Cmf = 0x78;
        private const byte Flg = 0x9C;

        public static byte[] Compress(byte[] data)
        {
            using var output = new MemoryStream();
            output.WriteByte(Cmf);
            output.WriteByte(Flg);
            using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
                deflate.Write(data, 0, data.Length);
            WriteBigEndian(output, Adler32(data));
            return output.ToArray();
        }

        /// <summary>Inflates a zlib stream of any level (stored blocks included); throws <see cref="InvalidDataException"/> when it is not one.</summary>
        public static byte[] Decompress(byte[] data)
        {
            if (data.Length < 2 + 2 + 4) throw new InvalidDataException("Too short for a zlib stream.");
            int cmf = data[0], flg = data[1];
            if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7) throw new InvalidDataException("Not a deflate zlib stream.");
            if (((cmf << 8) | flg) % 31 != 0) throw new InvalidDataException("Bad zlib header check bits.");
            if ((flg & 0x20) != 0) throw new InvalidDataException("zlib preset dictionaries are not used by UserSigs.");

            byte[] plain;
            using (var input = new MemoryStream(data, 2, data.Length - 2 - 4))
            using (var deflate = new DeflateStream(input, CompressionMode.Decompress))
            using (var output = new MemoryStream())
            {
                deflate.CopyTo(output);
                plain = output.ToArray();
            }
            var expected = (uint)(data[data.Length - 4] << 24 | data[data.Length - 3] << 16 | data[data.Length - 2] << 8 | data[data.Length - 1]);
            if (Adler32(plain) != expected) throw new InvalidDataException("zlib Adler-32 checksum mismatch (truncated or altered data).");
            return plain;
        }

        internal static uint Adler32(byte[] data)
        {
            const uint Mod = 65521;
            uint a = 1, b = 0;
            var i = 0;
            while (i < data.Length)
            {
                // 5552 is the largest run whose sums cannot overflow 32 bits before the modulo (as zlib does).
                var end = Math.Min(i + 5552, data.Length);
                for (; i < end; i++)
                {
                    a += data[i];
                    b += a;
                }
                a %= Mod;
                b %= Mod;
            }
            return b << 16 | a;
        }

        private static void WriteBigEndian(Stream stream, uint value)
        {
            stream.WriteByte((byte)(value >> 24));
            stream.WriteByte((byte)(value >> 16));
            stream.WriteByte((byte)(value >> 8));
            stream.WriteByte((byte)value);
        }
    }
}
