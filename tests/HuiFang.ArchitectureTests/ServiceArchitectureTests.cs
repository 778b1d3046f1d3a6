using HuiFang.ArchitectureTests.Rules;
using static HuiFang.ArchitectureTests.Architectures;

namespace HuiFang.ArchitectureTests;

/// <summary>The boundaries of HuiFang.Api, checked on the compiled assembly.</summary>
public sealed class ServiceArchitectureTests
{
    [Fact]
    public void The_domain_depends_on_nothing_outside_it_and_on_no_framework() =>
        AssertNone(ArchitectureRules.DomainIsPure(Service, ServiceRoot),
            "Domain may use only Domain and the base library (no HTTP, EF Core, FluentValidation, Mediator, MassTransit, HuiFang.Contracts, HttpClient)");

    [Fact]
    public void No_feature_uses_another_feature() =>
        AssertNone([.. ArchitectureRules.FeaturesDoNotUseEachOther(Service, ServiceRoot).Where(v => !IsExcusedFeatureEdge(v))],
            "A feature must not use another feature's namespace (what two share belongs in Services)");

    /// <summary>
    /// Types that may use one other feature, each with the feature and the reason. Keep this list short: each
    /// entry is a slice that cannot change without the other.
    /// </summary>
    private static readonly Dictionary<string, (string Feature, string Reason)> MayUseAnotherFeature = new()
    {
        // The customer's survey page records the answer with the agent's own command, so that the two ways of
        // asking cannot drift apart (verdict, escalation, revisit, events, reports); only this one type does it.
        ["HuiFang.Api.Features.SurveyPage.SurveyFeedback"] = ("HuiFang.Api.Features.Feedback", "the survey's answer is the agent's RecordFeedback command"),
    };

    /// <summary>A violation whose every edge starts at an excused type and ends in the feature it is excused for.</summary>
    private static bool IsExcusedFeatureEdge(string violation)
    {
        var edges = violation.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("HuiFang.", StringComparison.Ordinal) && l.Contains(" -> ", StringComparison.Ordinal)).ToList();
        return edges.Count > 0 && edges.All(edge =>
        {
            var (from, to) = (edge[..edge.IndexOf(" -> ", StringComparison.Ordinal)], edge[(edge.IndexOf(" -> ", StringComparison.Ordinal) + 4)..]);
            return MayUseAnotherFeature.TryGetValue(from, out var allowed) && to.StartsWith(allowed.Feature + ".", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_type_excused_to_use_another_feature_exists_and_still_does() =>
        Assert.All(MayUseAnotherFeature, entry => Assert.Contains(
            ArchitectureRules.FeaturesDoNotUseEachOther(Service, ServiceRoot),
            v => v.Contains("\t" + entry.Key + " -> " + entry.Value.Feature + ".", StringComparison.Ordinal)));

    [Fact]
    public void Features_are_free_of_cycles() =>
        AssertNone(ArchitectureRules.FeaturesAreFreeOfCycles(Service, ServiceRoot), "Features must be free of cycles");

    [Fact]
    public void Services_common_and_infrastructure_do_not_use_features() =>
        AssertNone(ArchitectureRules.LayersPointInward(Service, ServiceRoot),
            "Services and Common must not use Features, Common must not use Services, Infrastructure (but OpenApi) must not use Features");

    [Fact]
    public void The_second_level_namespaces_are_free_of_cycles() =>
        AssertNone(ArchitectureRules.SecondLevelIsFreeOfCycles(Service, ServiceRoot),
            "Domain.X, Features.X, Services.X, Common and Infrastructure.X must be free of cycles");

    /// <summary>
    /// Requests that carry caller input and still need no validator, each with its reason. Keep this list short:
    /// a request added here is one the contract answers without a 400.
    /// </summary>
    private static readonly Dictionary<string, string> NeedNoValidator = new()
    {
        // Its one property is the path segment; the contract answers any unknown work order number, of any
        // length, with 404 (the router and the request input rules already bound the segment's size: 414).
        ["HuiFang.Api.Features.ServiceRecords.GetServiceRecord.GetServiceRecord"] = "a path segment looked up as it is",
    };

    [Fact]
    public void Every_request_with_properties_has_a_validator() =>
        AssertNone(
            [.. ArchitectureRules.RequestsHaveValidators(Service, ServiceRoot).Where(v => !NeedNoValidator.Keys.Any(k => v.StartsWith(k + " ", StringComparison.Ordinal)))],
            "A Mediator request with properties needs an AbstractValidator for exactly that type");

    [Fact]
    public void Every_request_excused_from_a_validator_exists_and_still_has_none() =>
        Assert.All(NeedNoValidator.Keys, name => Assert.Contains(
            ArchitectureRules.RequestsHaveValidators(Service, ServiceRoot), v => v.StartsWith(name + " ", StringComparison.Ordinal)));

    [Fact]
    public void Every_handler_sits_beside_its_request() =>
        AssertNone(ArchitectureRules.HandlersSitBesideTheirRequests(Service, ServiceRoot),
            "A Mediator handler must sit in the namespace of its request");

    /// <summary>Guards the rules against passing over nothing (a renamed root, an assembly not loaded).</summary>
    [Fact]
    public void The_rules_see_the_service()
    {
        var layers = new Layers(ServiceRoot);
        var components = Service.Types.Select(layers.Component).OfType<string>().ToHashSet();

        Assert.Contains("Common", components);
        Assert.True(components.Count(c => c.StartsWith("Domain.", StringComparison.Ordinal)) >= 5, string.Join(", ", components));
        Assert.True(components.Count(c => c.StartsWith("Features.", StringComparison.Ordinal)) >= 8, string.Join(", ", components));
        Assert.True(components.Count(c => c.StartsWith("Infrastructure.", StringComparison.Ordinal)) >= 5, string.Join(", ", components));
        Assert.True(ArchitectureRules.Requests(Service, layers).Count() >= 40);
    }
}
