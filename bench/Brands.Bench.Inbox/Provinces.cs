namespace Brands.Bench.Inbox;

/// <summary>The 31 provincial-level regions by the codes the host uses (README, "People").</summary>
internal static class Provinces
{
    public static readonly string[] Codes =
    [
        "BJ", "TJ", "HE", "SX", "NM", "LN", "JL", "HL", "SH", "JS", "ZJ", "AH", "FJ", "JX", "SD", "HA",
        "HB", "HN", "GD", "GX", "HI", "CQ", "SC", "GZ", "YN", "XZ", "SN", "GS", "QH", "NX", "XJ",
    ];

    public static string Reviewer(string province) => "reviewer-" + province.ToLowerInvariant();
}
