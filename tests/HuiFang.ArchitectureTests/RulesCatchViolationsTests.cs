using HuiFang.ArchitectureTests.Rules;
using static HuiFang.ArchitectureTests.Architectures;

namespace HuiFang.ArchitectureTests;

/// <summary>
/// Each rule, run over the bad types under HuiFang.ArchitectureTests.Fixtures, finds exactly the violations
/// planted there: proof that the rules over the service can fail, and name what fails.
/// </summary>
public sealed class RulesCatchViolationsTests
{
    private const string F = FixturesRoot + ".";

    [Fact]
    public void The_domain_rule_names_framework_types_even_in_lambdas_and_async_bodies_and_project_types_outside_the_domain()
    {
        var violations = ArchitectureRules.DomainIsPure(BadTypes, FixturesRoot);

        Assert.Equal(
            [
                F + "Domain.Orders.BadEntity -> " + F + "Infrastructure.Store.OrderStore",
                F + "Domain.Orders.BadEntity -> Microsoft.AspNetCore.Http.HttpContext",
                F + "Domain.Orders.HiddenEntity -> Microsoft.AspNetCore.Http.PathString",
                F + "Domain.Orders.HiddenEntity -> System.Net.Http.HttpMethod",
            ],
            violations);
    }

    [Fact]
    public void The_feature_rule_names_the_edges_between_two_features_and_not_those_inside_one()
    {
        var violations = ArchitectureRules.FeaturesDoNotUseEachOther(BadTypes, FixturesRoot);

        Assert.Contains(violations, v => v.Contains(F + "Features.Alpha.AlphaThing -> " + F + "Features.Beta.BetaThing", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(F + "Features.Beta.BetaThing -> " + F + "Features.Alpha.AlphaThing", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("AlphaHelper", StringComparison.Ordinal));
        Assert.Equal(2, violations.Count);
    }

    [Fact]
    public void The_feature_cycle_rule_names_the_loop()
    {
        var cycle = Assert.Single(ArchitectureRules.FeaturesAreFreeOfCycles(BadTypes, FixturesRoot));

        Assert.Contains("Cycle found", cycle, StringComparison.Ordinal);
        Assert.Contains("Features.Alpha -> Features.Beta", cycle, StringComparison.Ordinal);
        Assert.Contains("Features.Beta -> Features.Alpha", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layer_rule_names_each_inward_edge_and_allows_only_the_composition_adapters()
    {
        var violations = ArchitectureRules.LayersPointInward(BadTypes, FixturesRoot);

        Assert.Equal(
            [
                "Services -> Features: " + F + "Services.Shared.DoAlphaHandler -> " + F + "Features.Alpha.DoAlpha",
                "Services -> Features: " + F + "Services.Shared.SharedService -> " + F + "Features.Alpha.AlphaThing",
                "Common -> Features: " + F + "Common.CommonHelper -> " + F + "Features.Beta.BetaThing",
                "Common -> Services: " + F + "Common.CommonHelper -> " + F + "Services.Shared.SharedService",
                "Infrastructure -> Features: " + F + "Infrastructure.Scheduling.Registration -> " + F + "Features.Alpha.AlphaThing",
            ],
            violations);
    }

    [Fact]
    public void The_second_level_cycle_rule_finds_a_domain_infrastructure_loop_and_one_through_the_allowed_edge()
    {
        var cycles = ArchitectureRules.SecondLevelIsFreeOfCycles(BadTypes, FixturesRoot);

        Assert.Contains(cycles, c => c.Contains("Domain.Orders -> Infrastructure", StringComparison.Ordinal)
            && c.Contains("Infrastructure -> Domain.Orders", StringComparison.Ordinal)
            && c.Contains(F + "Infrastructure.Store.OrderStore -> " + F + "Domain.Orders.BadEntity", StringComparison.Ordinal));
        Assert.Contains(cycles, c => c.Contains("Features.Beta -> Infrastructure.OpenApi", StringComparison.Ordinal)
            && c.Contains("Infrastructure.OpenApi -> Features.Beta", StringComparison.Ordinal));
        Assert.DoesNotContain(cycles, c => c.Contains("Services.Shared", StringComparison.Ordinal));
    }

    [Fact]
    public void The_validator_rule_names_requests_with_properties_and_no_validator_of_their_own()
    {
        var violations = ArchitectureRules.RequestsHaveValidators(BadTypes, FixturesRoot);

        Assert.Equal(
            [
                F + "Features.Alpha.DoAlpha is a request with properties and no AbstractValidator<DoAlpha>",
                F + "Features.Alpha.RenameAlpha is a request with properties and no AbstractValidator<RenameAlpha>",
                F + "Features.Beta.GetBeta is a request with properties and no AbstractValidator<GetBeta>",
            ],
            violations);
    }

    [Fact]
    public void The_handler_rule_names_a_handler_away_from_its_request()
    {
        var violations = ArchitectureRules.HandlersSitBesideTheirRequests(BadTypes, FixturesRoot);

        Assert.Equal(
            [F + "Services.Shared.DoAlphaHandler handles " + F + "Features.Alpha.DoAlpha but sits in " + F + "Services.Shared"],
            violations);
    }
}
