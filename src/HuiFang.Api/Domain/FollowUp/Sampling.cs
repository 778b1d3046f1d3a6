using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HuiFang.Api.Domain.FollowUp;

/// <summary>Why a record was or was not chosen; the first word of every decision's explanation.</summary>
public enum SelectionReason
{
    /// <summary>The rule (or the record's tier) takes every record.</summary>
    Always,

    /// <summary>The rule takes no record.</summary>
    Never,

    /// <summary>The tier's fixed count is used up.</summary>
    TierQuotaReached,

    /// <summary>The record's hash score fell below the tier's rate.</summary>
    HashBelowRate,

    /// <summary>The record's hash score was at or above the tier's rate.</summary>
    HashAboveRate,

    /// <summary>The month's visits were a whole visit behind the target: taken whatever the hash.</summary>
    BehindTarget,

    /// <summary>Taking it would put the month a whole visit ahead of the target: left whatever the hash.</summary>
    AheadOfTarget,
}

/// <summary>
/// The facts behind one sampling decision, all of them stored so an auditor can recompute it.
/// </summary>
/// <param name="Selected">Whether the policy chooses the record.</param>
/// <param name="Reason">Why.</param>
/// <param name="Position">The record's number among the rule's records of the month (the month's volume so far, this one included).</param>
/// <param name="SelectedBefore">Records of the rule and month chosen before this one.</param>
/// <param name="Rate">The share the rule asks for at this position (0–1).</param>
/// <param name="Target">Visits the rule asks for over the month's first <paramref name="Position"/> records.</param>
/// <param name="HashScore">The record's keyed hash score in [0, 1); null when the rate is 0 or 1 and the hash is not consulted.</param>
/// <param name="Tier">The tier the position falls in, for a tiered rule.</param>
/// <param name="TierFrom">The first position of that tier.</param>
public sealed record SamplingDecision(
    bool Selected,
    SelectionReason Reason,
    int Position,
    int SelectedBefore,
    double Rate,
    double Target,
    double? HashScore,
    SamplingTier? Tier,
    int? TierFrom);

/// <summary>
/// Deterministic sampling. The n-th record of a rule in a month has a rate r(n) (1 for Always, the
/// percentage, or its tier's share; a tier applies to the orders inside its band, so the month's first 100
/// routine repairs are all visited before the month's volume is known). The target after n records is
/// T(n) = r(1) + … + r(n). A record is chosen when its keyed hash score (HMAC-SHA256 of rule name and
/// work-order number under the sampling key) falls below r(n) — unless that would leave the month's
/// chosen count a whole visit away from T(n), in which case the count decides. So the same records in the
/// same order are chosen again, each record's chance does not depend on its arrival time, and the chosen
/// count never differs from the target by one visit or more.
/// </summary>
public static class Sampling
{
    /// <summary>The share asked for at position <paramref name="n"/> (1-based), with the tier it falls in.</summary>
    public static (double Rate, SamplingTier? Tier, int? TierFrom) RateAt(SelectionRule rule, int n)
    {
        switch (rule.Mode)
        {
            case SelectionMode.Always:
                return (1, null, null);
            case SelectionMode.Never:
                return (0, null, null);
            case SelectionMode.Percentage:
                return (rule.Percent!.Value / 100.0, null, null);
        }

        var from = 1;
        foreach (var tier in rule.Tiers)
        {
            if (tier.UpTo is null || n <= tier.UpTo)
            {
                return (TierRate(tier, from, n), tier, from);
            }

            from = tier.UpTo.Value + 1;
        }

        // Validation makes the last tier open-ended; a policy that somehow is not takes nothing beyond it.
        return (0, null, null);
    }

    /// <summary>T(n): the visits the rule asks for over the month's first <paramref name="n"/> records.</summary>
    public static double TargetAt(SelectionRule rule, int n)
    {
        switch (rule.Mode)
        {
            case SelectionMode.Always:
                return n;
            case SelectionMode.Never:
                return 0;
            case SelectionMode.Percentage:
                return n * rule.Percent!.Value / 100.0;
        }

        var total = 0.0;
        var from = 1;
        foreach (var tier in rule.Tiers)
        {
            var last = tier.UpTo is null ? n : Math.Min(n, tier.UpTo.Value);
            if (last >= from)
            {
                var inBand = last - from + 1;
                total += tier switch
                {
                    { Count: { } count, UpTo: null } => Math.Min(inBand, count),
                    { Count: { } count, UpTo: { } upTo } => inBand * Math.Min(1.0, count / (double)(upTo - from + 1)),
                    _ => inBand * tier.Percent!.Value / 100.0,
                };
            }

            if (tier.UpTo is null || n <= tier.UpTo)
            {
                break;
            }

            from = tier.UpTo.Value + 1;
        }

        return total;
    }

    /// <summary>Decides the record at <paramref name="position"/> when <paramref name="selectedBefore"/> of the month's earlier records were chosen.</summary>
    public static SamplingDecision Decide(SelectionRule rule, int position, int selectedBefore, string samplingKey, string workOrderNo)
    {
        var (rate, tier, tierFrom) = RateAt(rule, position);
        // Rounded so that a fixed count spread over a band adds up to exactly that count.
        var target = Math.Round(TargetAt(rule, position), 9);
        if (rate >= 1)
        {
            return new SamplingDecision(true, SelectionReason.Always, position, selectedBefore, rate, target, null, tier, tierFrom);
        }

        if (rate <= 0)
        {
            var reason = rule.Mode == SelectionMode.Never ? SelectionReason.Never : SelectionReason.TierQuotaReached;
            return new SamplingDecision(false, reason, position, selectedBefore, rate, target, null, tier, tierFrom);
        }

        var score = HashScore(samplingKey, rule.Name, workOrderNo);
        var (selected, why) =
            target - selectedBefore >= 1 ? (true, SelectionReason.BehindTarget)
            : selectedBefore >= target ? (false, SelectionReason.AheadOfTarget)
            : score < rate ? (true, SelectionReason.HashBelowRate)
            : (false, SelectionReason.HashAboveRate);
        return new SamplingDecision(selected, why, position, selectedBefore, rate, target, score, tier, tierFrom);
    }

    /// <summary>
    /// The record's score in [0, 1): the first 8 bytes of HMAC-SHA256(key, "{rule}\n{workOrderNo}") read as an
    /// unsigned big-endian integer and divided by 2^64. Anyone with the key can recompute it.
    /// </summary>
    public static double HashScore(string samplingKey, string ruleName, string workOrderNo)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(samplingKey), Encoding.UTF8.GetBytes(ruleName + "\n" + workOrderNo), mac);
        return BinaryPrimitives.ReadUInt64BigEndian(mac) / 18446744073709551616.0;
    }

    private static double TierRate(SamplingTier tier, int from, int n) => tier switch
    {
        { Count: { } count, UpTo: null } => n - from + 1 <= count ? 1 : 0,
        { Count: { } count, UpTo: { } upTo } => Math.Min(1.0, count / (double)(upTo - from + 1)),
        _ => tier.Percent!.Value / 100.0,
    };
}
