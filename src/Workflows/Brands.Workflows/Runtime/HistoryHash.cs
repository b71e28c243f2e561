using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Brands.Workflows.Runtime;

/// <summary>
/// The hash that chains a history entry to the previous one of its case:
/// SHA-256 over <c>previous|case|sequence|at(O)|kind|element|user|data</c>, as lower-case hex.
/// </summary>
public static class HistoryHash
{
    /// <summary>Computes an entry's hash; anyone holding the rows can recompute the chain to detect tampering.</summary>
    public static string Compute(string? previousHash, Guid caseId, long sequence, DateTimeOffset at, string kind,
        string? elementId, string? userId, string? dataJson)
    {
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return Compute(hasher, previousHash, caseId, sequence, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            kind, elementId, userId, dataJson);
    }

    internal static string Compute(IncrementalHash hasher, string? previousHash, Guid caseId, long sequence, string at,
        string kind, string? elementId, string? userId, string? dataJson)
    {
        var material = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{previousHash}|{caseId}|{sequence}|{at}|{kind}|{elementId}|{userId}|{dataJson}");
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(material.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(material, buffer);
            hasher.AppendData(buffer, 0, length);
            Span<byte> hash = stackalloc byte[32];
            hasher.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
