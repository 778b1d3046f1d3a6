using System.Net;
using HuiFang.ClientTests.Kiota;
using HuiFang.ClientTests.Kiota.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HuiFang.ClientTests;

/// <summary>
/// The C# client Kiota generates from openapi/huifang.v1.json against the running service: what an integrator
/// who generates one gets.
/// </summary>
public sealed class KiotaClientTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private readonly HuiFangKiotaClient _client = new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: host.CreateHttpClient())
    {
        BaseUrl = "http://localhost",
    });

    [Fact]
    public async Task Creates_reads_and_lists_a_visit_task()
    {
        var suffix = Unique.Suffix();
        var created = await _client.Api.V1.VisitTasks.PostAsync(NewTask(suffix, ContactChannel.Sms));

        Assert.NotNull(created?.Id);
        Assert.Equal(VisitTaskStatus.Assigned, created.Status);
        Assert.Equal(ContactChannel.Sms, created.Channel);
        Assert.Equal($"WO-{suffix}", created.ServiceRecord?.WorkOrderNo);

        var read = await _client.Api.V1.VisitTasks[created.Id.Value].GetAsync();
        Assert.Equal(created.Id, read?.Id);
        Assert.Equal(ContactChannel.Sms, read!.Channel);
        Assert.Equal(VisitPurpose.AfterSales, read.Purpose);
        Assert.Equal("agent-07", read.Assignee);
        Assert.True(read.DueWindow?.By > read.DueWindow?.From);

        var page = await _client.Api.V1.VisitTasks.GetAsync(r =>
        {
            r.QueryParameters.CustomerId = $"C-{suffix}";
            r.QueryParameters.Channel = ContactChannel.Sms;
        });
        Assert.Equal(created.Id, Assert.Single(page!.Items!).Id);
        Assert.Null(page.NextCursor);
        var none = await _client.Api.V1.VisitTasks.GetAsync(r =>
        {
            r.QueryParameters.CustomerId = $"C-{suffix}";
            r.QueryParameters.Channel = ContactChannel.Email;
        });
        Assert.Empty(none!.Items!);
    }

    [Fact]
    public async Task Sets_and_reads_back_nullable_enums()
    {
        var request = NewTask(Unique.Suffix(), channel: null);
        request.Customer!.PreferredChannel = ContactChannel.Email;
        var withPreferred = await _client.Api.V1.VisitTasks.PostAsync(request);

        // No channel sent: the task takes the customer's preferred one, and both read back as enums.
        var read = await _client.Api.V1.VisitTasks[withPreferred!.Id!.Value].GetAsync();
        Assert.Equal(ContactChannel.Email, read!.Channel);
        Assert.Equal(ContactChannel.Email, read.Customer?.PreferredChannel);

        var withoutPreferred = await _client.Api.V1.VisitTasks.PostAsync(NewTask(Unique.Suffix(), ContactChannel.OnSite));
        var readOther = await _client.Api.V1.VisitTasks[withoutPreferred!.Id!.Value].GetAsync();
        Assert.Equal(ContactChannel.OnSite, readOther!.Channel);
        Assert.NotNull(readOther.Customer);
        Assert.Null(readOther.Customer.PreferredChannel);
    }

    [Fact]
    public async Task A_refused_request_is_the_clients_validation_problem()
    {
        var request = NewTask(Unique.Suffix(), ContactChannel.Phone);
        request.Customer!.Name = "";
        request.ServiceRecord!.CompletedAt = DateTimeOffset.UtcNow.AddDays(3);

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => _client.Api.V1.VisitTasks.PostAsync(request));

        Assert.Equal((int)HttpStatusCode.BadRequest, problem.ResponseStatusCode);
        Assert.Equal("urn:huifang:problem:validation", problem.Type);
        Assert.Equal("validation", problem.Code);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        Assert.NotNull(problem.Errors);
        Assert.Contains("customer.name", problem.Errors.AdditionalData.Keys);
        Assert.Contains("serviceRecord.completedAt", problem.Errors.AdditionalData.Keys);
    }

    [Fact]
    public async Task An_unknown_task_is_the_clients_problem_with_its_code()
    {
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.V1.VisitTasks[Guid.NewGuid()].GetAsync());

        Assert.Equal((int)HttpStatusCode.NotFound, missing.ResponseStatusCode);
        Assert.Equal("visit-task-not-found", missing.Code);
    }

    private static CreateVisitTask NewTask(string suffix, ContactChannel? channel) => new()
    {
        Customer = new CustomerInput { ExternalId = $"C-{suffix}", Name = "王先生", Phone = "13812345678" },
        ServiceRecord = new ServiceRecordInput
        {
            WorkOrderNo = $"WO-{suffix}",
            ServiceType = "Repair",
            Description = "空调故障维修",
            CompletedAt = Unique.CompletedAt(),
            Staff = "李师傅",
            Department = "AfterSales",
        },
        Purpose = VisitPurpose.AfterSales,
        Channel = channel,
        Assignee = "agent-07",
    };
}
