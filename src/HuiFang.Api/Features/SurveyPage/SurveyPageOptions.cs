using System.ComponentModel.DataAnnotations;

namespace HuiFang.Api.Features.SurveyPage;

/// <summary>The customer's survey page <c>/s/{token}</c>: its own limits, stricter than the API's.</summary>
public sealed class SurveyPageOptions
{
    public const string Section = "HuiFang:Surveys:Page";

    /// <summary>Requests one link may make per minute (GET and POST together); a customer reloads a few times at most.</summary>
    [Range(1, 100_000)]
    public int RequestsPerTokenPerMinute { get; set; } = 30;

    /// <summary>Requests one client address may make per minute over all links (carrier NAT puts many phones behind one address).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerAddressPerMinute { get; set; } = 300;

    /// <summary>The largest answer form accepted (bytes); the longest honest answer is a few KiB of free text.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxFormBytes { get; set; } = 32 * 1024;
}
