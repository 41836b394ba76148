using System.Security.Cryptography;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    /// <summary>
    /// The standard security handler (ISO 32000-2, 7.6.4) opened with the empty user password. A "protected" flyer opens
    /// in any viewer without a password and only asks it not to allow copying or printing; its text is readable. RC4 and
    /// AES-128 (revisions 2 to 4) and AES-256 (revisions 5 and 6). A file that needs a password, or another handler
    /// (certificates), cannot be opened.
    /// </summary>
    private sealed class Decryptor
    {
        private static readonly byte[] Padding =
        [
            0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
            0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
        ];

        private readonly byte[] key;
        private readonly string method; // RC4, AESV2, AESV3, or None when streams are left in the clear

        private Decryptor(byte[] key, string method)
        {
            this.key = key;
            this.method = method;
        }

        public static Decryptor? Open(PdfDict dict, byte[] id, Document document)
        {
            var v = (int)document.Number(dict, "V", 0);
            var r = (int)document.Number(dict, "R", 0);
            var owner = (document.Get(dict, "O") as PdfString)?.Bytes ?? [];
            var user = (document.Get(dict, "U") as PdfString)?.Bytes ?? [];
            if (document.Name(dict, "Filter") != "Standard" || owner.Length < 32 || user.Length < 32)
            {
                return null;
            }

            var method = "RC4";
            if (v is 4 or 5)
            {
                var filterName = document.Name(dict, "StmF") ?? "Identity";
                var filter = document.Dict(document.Dict(dict.GetValueOrDefault("CF"))?.GetValueOrDefault(filterName));
                method = filterName == "Identity" ? "None" : document.Name(filter, "CFM") switch
                {
                    "V2" => "RC4",
                    "AESV2" => "AESV2",
                    "AESV3" => "AESV3",
                    "None" => "None",
                    _ => "",
                };
            }

            if (method.Length == 0)
            {
                return null;
            }

            if (r is 5 or 6)
            {
                return user.Length >= 48 && document.Get(dict, "UE") is PdfString { Bytes.Length: >= 32 } ue ? OpenAes256(r, user, ue.Bytes, method) : null;
            }

            // Algorithm 2: the file key from the padded password, /O, /P, the file's first ID, (/EncryptMetadata).
            var length = method == "AESV2" ? 16 : v == 1 ? 5 : (int)Math.Clamp(document.Number(dict, "Length", 40) / 8, 5, 16);
            var permissions = (int)document.Number(dict, "P", 0);
            var metadata = document.Get(dict, "EncryptMetadata") as bool? ?? true;
            var input = new List<byte>(Padding);
            input.AddRange(owner.AsSpan(0, 32));
            input.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(permissions) : BitConverter.GetBytes(permissions).Reverse());
            input.AddRange(id);
            if (r >= 4 && !metadata)
            {
                input.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
            }

            // MD5 and RC4 because the format prescribes them: they protect nothing of SolidWall's.
            var hash = MD5.HashData(input.ToArray());
            for (var i = 0; r >= 3 && i < 50; i++)
            {
                hash = MD5.HashData(hash.AsSpan(0, length));
            }

            var fileKey = hash[..length];

            // Algorithms 4 and 5: the empty password is right when it reproduces /U.
            bool opens;
            if (r == 2)
            {
                opens = Rc4(fileKey, Padding).AsSpan().SequenceEqual(user.AsSpan(0, 32));
            }
            else
            {
                var check = Rc4(fileKey, MD5.HashData([.. Padding, .. id]));
                for (var i = 1; i <= 19; i++)
                {
                    check = Rc4(fileKey.Select(b => (byte)(b ^ i)).ToArray(), check);
                }

                opens = check.AsSpan().SequenceEqual(user.AsSpan(0, 16));
            }

            return opens ? new Decryptor(fileKey, method) : null;
        }

        // Revisions 5 and 6: /U holds a hash of the password with a validation salt, then a key salt; the file key is /UE
        // decrypted with the hash of the password and the key salt.
        private static Decryptor? OpenAes256(int r, byte[] user, byte[] ue, string method)
        {
            var validation = r == 6 ? Hash(user.AsSpan(32, 8)) : SHA256.HashData(user.AsSpan(32, 8));
            if (!validation.AsSpan(0, 32).SequenceEqual(user.AsSpan(0, 32)))
            {
                return null;
            }

            var intermediate = r == 6 ? Hash(user.AsSpan(40, 8)) : SHA256.HashData(user.AsSpan(40, 8));
            using var aes = Aes.Create();
            aes.Key = intermediate[..32];
            return new Decryptor(aes.DecryptCbc(ue.AsSpan(0, 32), new byte[16], PaddingMode.None), method);
        }

        // Algorithm 2.B (ISO 32000-2, 7.6.4.3.4) for the empty password: SHA-256, then rounds of AES-128 and SHA-2.
        private static byte[] Hash(ReadOnlySpan<byte> salt)
        {
            var k = SHA256.HashData(salt);
            using var aes = Aes.Create();
            for (var round = 0; ; round++)
            {
                var k1 = new byte[k.Length * 64];
                for (var i = 0; i < 64; i++)
                {
                    k.CopyTo(k1, i * k.Length);
                }

                aes.Key = k[..16];
                var e = aes.EncryptCbc(k1, k.AsSpan(16, 16), PaddingMode.None);
                var sum = 0;
                for (var i = 0; i < 16; i++)
                {
                    sum += e[i];
                }

                k = (sum % 3) switch
                {
                    0 => SHA256.HashData(e),
                    1 => SHA384.HashData(e),
                    _ => SHA512.HashData(e),
                };
                if (round >= 63 && e[^1] <= round + 1 - 32)
                {
                    return k[..32];
                }
            }
        }

        public ArraySegment<byte> Decrypt(ArraySegment<byte> data, int number, int generation)
        {
            if (method == "None")
            {
                return data;
            }

            // Algorithm 1: each object's own key, from the file key and its number (not for AES-256).
            var objectKey = key;
            if (method != "AESV3")
            {
                byte[] salt = method == "AESV2" ? [0x73, 0x41, 0x6C, 0x54] : [];
                objectKey = MD5.HashData([.. key, (byte)number, (byte)(number >> 8), (byte)(number >> 16), (byte)generation, (byte)(generation >> 8), .. salt]);
                objectKey = objectKey[..Math.Min(key.Length + 5, 16)];
            }

            if (method == "RC4")
            {
                return Rc4(objectKey, data);
            }

            // AES in CBC mode, the IV in the first 16 bytes, PKCS#7 padding (which a damaged stream may lack).
            var blocks = (data.Count - 16) / 16 * 16;
            if (blocks <= 0)
            {
                return ArraySegment<byte>.Empty;
            }

            using var aes = Aes.Create();
            aes.Key = objectKey;
            try
            {
                return aes.DecryptCbc(data.AsSpan(16, blocks), data.AsSpan(0, 16), PaddingMode.PKCS7);
            }
            catch (CryptographicException)
            {
                return aes.DecryptCbc(data.AsSpan(16, blocks), data.AsSpan(0, 16), PaddingMode.None);
            }
        }

        private static byte[] Rc4(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
        {
            Span<byte> s = stackalloc byte[256];
            for (var i = 0; i < 256; i++)
            {
                s[i] = (byte)i;
            }

            for (int i = 0, j = 0; i < 256; i++)
            {
                j = (j + s[i] + key[i % key.Length]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
            }

            var output = new byte[data.Length];
            for (int k = 0, i = 0, j = 0; k < data.Length; k++)
            {
                i = (i + 1) & 0xFF;
                j = (j + s[i]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
                output[k] = (byte)(data[k] ^ s[(s[i] + s[j]) & 0xFF]);
            }

            return output;
        }
    }
}
