namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// The 31 provincial-level divisions of the mainland by their two-letter codes, and <c>CN</c> for the national
/// level. An organisation, and so each of its users and the cases it owns, has exactly one.
/// </summary>
internal static class Provinces
{
    public const string National = "CN";

    /// <summary>Code → Chinese name.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [National] = "全国",
        ["BJ"] = "北京", ["TJ"] = "天津", ["HE"] = "河北", ["SX"] = "山西", ["NM"] = "内蒙古",
        ["LN"] = "辽宁", ["JL"] = "吉林", ["HL"] = "黑龙江", ["SH"] = "上海", ["JS"] = "江苏",
        ["ZJ"] = "浙江", ["AH"] = "安徽", ["FJ"] = "福建", ["JX"] = "江西", ["SD"] = "山东",
        ["HA"] = "河南", ["HB"] = "湖北", ["HN"] = "湖南", ["GD"] = "广东", ["GX"] = "广西",
        ["HI"] = "海南", ["CQ"] = "重庆", ["SC"] = "四川", ["GZ"] = "贵州", ["YN"] = "云南",
        ["XZ"] = "西藏", ["SN"] = "陕西", ["GS"] = "甘肃", ["QH"] = "青海", ["NX"] = "宁夏",
        ["XJ"] = "新疆",
    };

    public static IReadOnlyList<string> Codes { get; } = [.. Names.Keys];
}
