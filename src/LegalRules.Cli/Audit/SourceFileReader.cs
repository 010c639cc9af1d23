using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Reads a file of the drop or a registry file as text, the way legacy French code arrives:
/// a byte-order mark decides the encoding (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); without one, bytes
/// that are valid UTF-8 are UTF-8, UTF-16 without a mark is recognised by its zero bytes, and
/// anything else is Windows-1252 — the code page of French Windows editors, where <c>é</c> is one
/// byte (0xE9) that UTF-8 would turn into U+FFFD. Columns are counted in UTF-16 code units of the
/// decoded text, as the compiler and SARIF count them.
/// </summary>
internal static class SourceFileReader
{
    /// <summary>
    /// Files larger than this are not read by default (<c>--max-file-size</c> changes it). A C# file
    /// of tens of megabytes is almost always generated data (tables, embedded resources); parsing it
    /// costs hundreds of megabytes of memory and minutes, for code nobody wrote by hand.
    /// </summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>The detail of a file that does not exist (any more).</summary>
    public const string NotFound = "not found";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        // .NET ships the legacy code pages but registers them only on request.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    });

    /// <summary>Reads the file, or says why it was not read.</summary>
    public static SourceReadResult Read(string path, long maxBytes = DefaultMaxFileBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return SourceReadResult.Skipped(SkipReason.Unreadable, NotFound);
            }

            if (info.Length == 0)
            {
                // A FIFO, socket or device reports no length, and opening a FIFO blocks until someone
                // writes to it: never open what is not a regular file.
                return SpecialFiles.IsSpecial(path)
                    ? SourceReadResult.Skipped(SkipReason.NotRegularFile)
                    : SourceReadResult.Read(SourceText.From(string.Empty, Encoding.UTF8, SourceHashAlgorithm.Sha256), "UTF-8");
            }

            if (info.Length > maxBytes)
            {
                return SourceReadResult.Skipped(SkipReason.TooLarge, FormattableString.Invariant($"{info.Length:N0} bytes, limit {maxBytes:N0}"));
            }

            var bytes = File.ReadAllBytes(path);
            var (text, encodingName) = Decode(bytes);
            if (text is null)
            {
                return SourceReadResult.Skipped(SkipReason.Binary);
            }

            return SourceReadResult.Read(SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256), encodingName);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Removed between the look at its size and the read.
            return SourceReadResult.Skipped(SkipReason.Unreadable, NotFound);
        }
        catch (IOException exception)
        {
            return SourceReadResult.Skipped(SkipReason.Unreadable, Describe(exception, path));
        }
        catch (UnauthorizedAccessException exception)
        {
            return SourceReadResult.Skipped(SkipReason.Unreadable, Describe(exception, path));
        }
    }

    /// <summary>
    /// Why a file could not be read, without the machine's path to it: reports give the same bytes
    /// wherever the drop is, and they already name the file.
    /// </summary>
    public static string Describe(Exception exception, string path)
        => exception is UnauthorizedAccessException
            ? "permission denied"
            : exception.Message.Replace(path, System.IO.Path.GetFileName(path), StringComparison.Ordinal);

    /// <summary>Reads a file the auditor named (a registry file): any failure is the caller's bad input.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is binary, too large or not a regular file.</exception>
    public static SourceText ReadOrThrow(string path)
    {
        var result = Read(path);
        if (result.Text is not null)
        {
            return result.Text;
        }

        if (result.Reason == SkipReason.Unreadable)
        {
            throw new IOException(result.Detail);
        }

        throw new InvalidDataException(result.Reason + (result.Detail is null ? string.Empty : ": " + result.Detail));
    }

    /// <summary>The decoded text and the encoding's name; null text for binary content.</summary>
    internal static (string? Text, string Encoding) Decode(byte[] bytes)
    {
        string text;
        string name;
        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF))
        {
            (text, name) = (new UTF8Encoding(false, false).GetString(bytes, 3, bytes.Length - 3), "UTF-8 (BOM)");
        }
        else if (StartsWith(bytes, 0xFF, 0xFE, 0x00, 0x00))
        {
            (text, name) = (new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes, 4, bytes.Length - 4), "UTF-32 LE");
        }
        else if (StartsWith(bytes, 0x00, 0x00, 0xFE, 0xFF))
        {
            (text, name) = (new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes, 4, bytes.Length - 4), "UTF-32 BE");
        }
        else if (StartsWith(bytes, 0xFF, 0xFE))
        {
            (text, name) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetString(bytes, 2, bytes.Length - 2), "UTF-16 LE");
        }
        else if (StartsWith(bytes, 0xFE, 0xFF))
        {
            (text, name) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetString(bytes, 2, bytes.Length - 2), "UTF-16 BE");
        }
        else if (Utf16WithoutMark(bytes) is { } bigEndian)
        {
            (text, name) = (new UnicodeEncoding(bigEndian, byteOrderMark: false).GetString(bytes), bigEndian ? "UTF-16 BE" : "UTF-16 LE");
        }
        else if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            // Text files hold no NUL byte in any 8-bit encoding.
            return (null, string.Empty);
        }
        else if (TryStrictUtf8(bytes, out var utf8))
        {
            (text, name) = (utf8, "UTF-8");
        }
        else
        {
            (text, name) = (Windows1252.Value.GetString(bytes), "Windows-1252");
        }

        // A NUL character in decoded text means the mark lied: binary data.
        return text.Contains('\0', StringComparison.Ordinal) ? (null, string.Empty) : (text, name);
    }

    private static bool TryStrictUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// UTF-16 saved without a mark: ASCII-range code, so one byte of each pair is zero, always on the
    /// same side. True for big-endian, false for little-endian, null when it does not look like UTF-16.
    /// </summary>
    private static bool? Utf16WithoutMark(byte[] bytes)
    {
        var length = Math.Min(bytes.Length, 4096) & ~1;
        if (length < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < length; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = length / 2;
        if (oddZeros > pairs * 0.6 && evenZeros == 0)
        {
            return false;
        }

        return evenZeros > pairs * 0.6 && oddZeros == 0 ? true : null;
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A file read as text (with the encoding found), or the reason it was not.</summary>
internal sealed class SourceReadResult
{
    private SourceReadResult(SourceText? text, string? encoding, SkipReason reason, string? detail)
    {
        Text = text;
        Encoding = encoding;
        Reason = reason;
        Detail = detail;
    }

    public SourceText? Text { get; }

    /// <summary>The encoding the bytes were read in ("UTF-8", "Windows-1252", …).</summary>
    public string? Encoding { get; }

    public SkipReason Reason { get; }

    public string? Detail { get; }

    public static SourceReadResult Read(SourceText text, string encoding) => new(text, encoding, default, null);

    public static SourceReadResult Skipped(SkipReason reason, string? detail = null) => new(null, null, reason, detail);
}

/// <summary>Tells FIFOs, sockets and devices from regular files (Linux: <c>statx</c>; elsewhere none are expected in a drop).</summary>
internal static class SpecialFiles
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x0001;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // struct statx is the same on every Linux architecture: stx_mode is a u16 at offset 28.
            var buffer = new byte[256];
            if (NativeMethods.Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return false;
            }

            var type = BitConverter.ToUInt16(buffer, 28) & FileTypeMask;
            return type != RegularFile && type != Directory;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without statx (very old glibc, musl before 1.2.5): an empty file is read as empty.
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", ExactSpelling = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
    }
}
