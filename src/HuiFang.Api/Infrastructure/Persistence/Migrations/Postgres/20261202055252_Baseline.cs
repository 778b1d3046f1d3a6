using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NonConformity = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RootCause = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectiveMeasure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreventiveMeasure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProblemKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ProblemServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProblemDepartment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProblemCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ProblemKeyText = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: true),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ImplementedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ImplementedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Effective = table.Column<bool>(type: "boolean", nullable: true),
                    VerificationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvidenceTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvidenceOccurrences = table.Column<int>(type: "integer", nullable: true),
                    EvidenceMostInWindow = table.Column<int>(type: "integer", nullable: true),
                    EvidenceThreshold = table.Column<int>(type: "integer", nullable: true),
                    EvidenceWindowDays = table.Column<int>(type: "integer", nullable: true),
                    EvidenceRecurred = table.Column<bool>(type: "boolean", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedEffective = table.Column<bool>(type: "boolean", nullable: true),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    OverdueRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueRaisedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerContactPreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DoNotContact = table.Column<bool>(type: "boolean", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerContactPreferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DashboardSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CallerKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CallerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CallerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApiKeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: true),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Supervisor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Manager = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    HandedToManager = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CycleStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RevisitTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WarningPercent = table.Column<int>(type: "integer", nullable: false),
                    ReminderInterval = table.Column<long>(type: "bigint", nullable: false),
                    MaxCycles = table.Column<int>(type: "integer", nullable: false),
                    BreachCount = table.Column<int>(type: "integer", nullable: false),
                    NextReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderCount = table.Column<int>(type: "integer", nullable: false),
                    LastReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextCheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PersonalDataErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ResolutionBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionClock = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolutionTarget = table.Column<long>(type: "bigint", nullable: false),
                    ResponseBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseWarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseClock = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResponseTarget = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Assignee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CategoryMask = table.Column<int>(type: "integer", nullable: false),
                    ComplaintLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Suggestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UnresolvedProblems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AttitudeScore = table.Column<int>(type: "integer", nullable: true),
                    TimelinessScore = table.Column<int>(type: "integer", nullable: true),
                    QualityScore = table.Column<int>(type: "integer", nullable: true),
                    ProfessionalismScore = table.Column<int>(type: "integer", nullable: true),
                    Nps = table.Column<int>(type: "integer", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CallEndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CallDurationSeconds = table.Column<int>(type: "integer", nullable: true),
                    CustomerSigned = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedLate = table.Column<bool>(type: "boolean", nullable: false),
                    PendingInquiry = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InquiryReplyDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InquiryRepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InquiryReply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InquiryOverdueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsRevisit = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectionOf = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersededBy = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonalDataErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: true),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: true),
                    AnswersJson = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CallerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    Headers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.TenantId, x.CallerId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    StreamId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TransactionId = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "(pg_current_xact_id()::text)::bigint"),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxPurges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ThroughTransactionId = table.Column<long>(type: "bigint", nullable: false),
                    ThroughId = table.Column<long>(type: "bigint", nullable: false),
                    PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxPurges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ActiveSelectorKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CustomerPreferredChannel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Staff = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    RuleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DefaultRuleApplied = table.Column<bool>(type: "boolean", nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    SelectedBefore = table.Column<int>(type: "integer", nullable: false),
                    Rate = table.Column<double>(type: "double precision", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    HashScore = table.Column<double>(type: "double precision", nullable: true),
                    TierFrom = table.Column<int>(type: "integer", nullable: true),
                    TierUpTo = table.Column<int>(type: "integer", nullable: true),
                    TierPercent = table.Column<int>(type: "integer", nullable: true),
                    TierCount = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Timing = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VisitTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConflictingTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    MonthStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MonthEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    CountPerAgent = table.Column<int>(type: "integer", nullable: true),
                    RuleFromPolicy = table.Column<bool>(type: "boolean", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Agents = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Fallback = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CalendarJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    EscalationPolicyJson = table.Column<string>(type: "text", nullable: true),
                    FollowUpPolicyJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EscalationPolicyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalationPolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    FollowUpPolicyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpPolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    SurveyPolicyJson = table.Column<string>(type: "text", nullable: true),
                    SurveyPolicyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SurveyPolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    QualityPolicyJson = table.Column<string>(type: "text", nullable: true),
                    QualityPolicyUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QualityPolicyVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CustomerPreferredChannel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ServiceCompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServiceStaff = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ServiceDepartment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Assignee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueRule = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    DoNotDisturbOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OverdueRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PersonalDataErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: true),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Week = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    WeekStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WeekEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenedAutomatically = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OverdueRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActionLinks",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    CorrectiveActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActionLinks", x => new { x.CorrectiveActionId, x.Kind, x.TargetId });
                    table.ForeignKey(
                        name: "FK_CorrectiveActionLinks_CorrectiveActions_CorrectiveActionId",
                        column: x => x.CorrectiveActionId,
                        principalTable: "CorrectiveActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationCycles",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationCycles", x => new { x.EscalationId, x.Number });
                    table.ForeignKey(
                        name: "FK_EscalationCycles_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationNotes_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireVersions",
                columns: table => new
                {
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireVersions", x => new { x.QuestionnaireId, x.Version });
                    table.ForeignKey(
                        name: "FK_QuestionnaireVersions_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckPicks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Agent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    HashScore = table.Column<double>(type: "double precision", nullable: false),
                    CutOff = table.Column<double>(type: "double precision", nullable: false),
                    HashInput = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedWithinLimit = table.Column<bool>(type: "boolean", nullable: true),
                    MissingFieldsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubjectiveWordsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Real = table.Column<bool>(type: "boolean", nullable: true),
                    Complete = table.Column<bool>(type: "boolean", nullable: true),
                    Objective = table.Column<bool>(type: "boolean", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    ReasonsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JudgedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SpotCheckId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckPicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckPicks_SpotChecks_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "SpotChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitTaskAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AttemptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CallbackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VisitTaskId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTaskAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitTaskAttempts_VisitTasks_VisitTaskId",
                        column: x => x.VisitTaskId,
                        principalTable: "VisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyReviewItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsRevisit = table.Column<bool>(type: "boolean", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    CategoryMask = table.Column<int>(type: "integer", nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Assignee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FollowUpTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectiveActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    WeeklyReviewId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyReviewItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyReviewItems_WeeklyReviews_WeeklyReviewId",
                        column: x => x.WeeklyReviewId,
                        principalTable: "WeeklyReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_TenantId_CreatedAt",
                table: "ApiKeys",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_SubjectType_SubjectId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "TenantId", "SubjectType", "SubjectId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionLinks_TargetId",
                table: "CorrectiveActionLinks",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_OverdueScan",
                table: "CorrectiveActions",
                column: "DueAt",
                filter: "\"Status\" IN ('Proposed', 'Open')");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_TenantId_Department_OpenedAt",
                table: "CorrectiveActions",
                columns: new[] { "TenantId", "Department", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_TenantId_OpenedAt_Id",
                table: "CorrectiveActions",
                columns: new[] { "TenantId", "OpenedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_TenantId_Status_OpenedAt",
                table: "CorrectiveActions",
                columns: new[] { "TenantId", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "UX_CorrectiveActions_OneLivePerProblem",
                table: "CorrectiveActions",
                columns: new[] { "TenantId", "ProblemKeyText" },
                unique: true,
                filter: "\"ProblemKeyText\" IS NOT NULL AND \"Status\" IN ('Proposed', 'Open', 'Implemented')");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerContactPreferences_TenantId_CustomerExternalId",
                table: "CustomerContactPreferences",
                columns: new[] { "TenantId", "CustomerExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardSessions_Hash",
                table: "DashboardSessions",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DashboardSessions_TenantId_ExpiresAt",
                table: "DashboardSessions",
                columns: new[] { "TenantId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotes_EscalationId",
                table: "EscalationNotes",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_NextCheck",
                table: "Escalations",
                column: "NextCheckAt",
                filter: "\"NextCheckAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TenantId_Department_NextDueBy",
                table: "Escalations",
                columns: new[] { "TenantId", "Department", "NextDueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TenantId_NextDueBy_Id",
                table: "Escalations",
                columns: new[] { "TenantId", "NextDueBy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TenantId_OpenedAt",
                table: "Escalations",
                columns: new[] { "TenantId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TenantId_Owner_NextDueBy",
                table: "Escalations",
                columns: new[] { "TenantId", "Owner", "NextDueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TenantId_Status_NextDueBy",
                table: "Escalations",
                columns: new[] { "TenantId", "Status", "NextDueBy" });

            migrationBuilder.CreateIndex(
                name: "UX_Escalations_Task_NotClosed",
                table: "Escalations",
                columns: new[] { "TenantId", "TaskId" },
                unique: true,
                filter: "\"Status\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRecords_InquiryScan",
                table: "FeedbackRecords",
                column: "InquiryReplyDueBy",
                filter: "\"InquiryReplyDueBy\" IS NOT NULL AND \"InquiryRepliedAt\" IS NULL AND \"InquiryOverdueAt\" IS NULL AND \"SupersededBy\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRecords_TenantId_CustomerExternalId",
                table: "FeedbackRecords",
                columns: new[] { "TenantId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRecords_TenantId_RecordedAt",
                table: "FeedbackRecords",
                columns: new[] { "TenantId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRecords_TenantId_TaskId_RecordedAt",
                table: "FeedbackRecords",
                columns: new[] { "TenantId", "TaskId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_EventId",
                table: "OutboxMessages",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages",
                column: "Id",
                filter: "\"PublishedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PendingByStream",
                table: "OutboxMessages",
                columns: new[] { "StreamId", "Id" },
                filter: "\"PublishedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PublishedAt",
                table: "OutboxMessages",
                column: "PublishedAt",
                filter: "\"PublishedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TenantId_CustomerExternalId",
                table: "OutboxMessages",
                columns: new[] { "TenantId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TenantId_TransactionId_Id",
                table: "OutboxMessages",
                columns: new[] { "TenantId", "TransactionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_TenantId_Purpose_Status",
                table: "Questionnaires",
                columns: new[] { "TenantId", "Purpose", "Status" });

            migrationBuilder.CreateIndex(
                name: "UX_Questionnaires_ActiveSelector",
                table: "Questionnaires",
                columns: new[] { "TenantId", "ActiveSelectorKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_CompletedAt",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_CustomerExternalId",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_RuleName_Month_Outcome",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "RuleName", "Month", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_TenantId_WorkOrderNo",
                table: "ServiceRecords",
                columns: new[] { "TenantId", "WorkOrderNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckPicks_RecordedAt",
                table: "SpotCheckPicks",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckPicks_SpotCheckId",
                table: "SpotCheckPicks",
                column: "SpotCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotChecks_TenantId_Month_Level",
                table: "SpotChecks",
                columns: new[] { "TenantId", "Month", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotChecks_TenantId_Status",
                table: "SpotChecks",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ExpiryScan",
                table: "SurveyInvitations",
                column: "ExpiresAt",
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ReminderScan",
                table: "SurveyInvitations",
                column: "RemindAt",
                filter: "\"Status\" = 'Open' AND \"RemindAt\" IS NOT NULL AND \"RemindedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TenantId_CreatedAt",
                table: "SurveyInvitations",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TenantId_TaskId_CreatedAt",
                table: "SurveyInvitations",
                columns: new[] { "TenantId", "TaskId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "UX_SurveyInvitations_OneOpenPerTask",
                table: "SurveyInvitations",
                columns: new[] { "TenantId", "TaskId" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "UX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitTaskAttempts_VisitTaskId",
                table: "VisitTaskAttempts",
                column: "VisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_EscalationId",
                table: "VisitTasks",
                column: "EscalationId",
                filter: "\"EscalationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_OverdueScan",
                table: "VisitTasks",
                column: "DueBy",
                filter: "\"Status\" IN ('Pending', 'Assigned') AND \"OverdueRaisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_TenantId_Assignee_DueBy",
                table: "VisitTasks",
                columns: new[] { "TenantId", "Assignee", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_TenantId_CustomerExternalId_ScheduledFor",
                table: "VisitTasks",
                columns: new[] { "TenantId", "CustomerExternalId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_TenantId_DueBy_Id",
                table: "VisitTasks",
                columns: new[] { "TenantId", "DueBy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_TenantId_Status_DueBy",
                table: "VisitTasks",
                columns: new[] { "TenantId", "Status", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks",
                columns: new[] { "TenantId", "WorkOrderNo", "Purpose" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled' AND \"EscalationId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReviewItems_FeedbackId",
                table: "WeeklyReviewItems",
                column: "FeedbackId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReviewItems_TaskId",
                table: "WeeklyReviewItems",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReviewItems_WeeklyReviewId",
                table: "WeeklyReviewItems",
                column: "WeeklyReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReviews_OverdueScan",
                table: "WeeklyReviews",
                column: "DueAt",
                filter: "\"Status\" = 'Open' AND \"OverdueRaisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReviews_TenantId_WeekStart",
                table: "WeeklyReviews",
                columns: new[] { "TenantId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "UX_WeeklyReviews_TenantDepartmentWeek",
                table: "WeeklyReviews",
                columns: new[] { "TenantId", "Department", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CorrectiveActionLinks");

            migrationBuilder.DropTable(
                name: "CustomerContactPreferences");

            migrationBuilder.DropTable(
                name: "DashboardSessions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EscalationCycles");

            migrationBuilder.DropTable(
                name: "EscalationNotes");

            migrationBuilder.DropTable(
                name: "FeedbackRecords");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxPurges");

            migrationBuilder.DropTable(
                name: "QuestionnaireVersions");

            migrationBuilder.DropTable(
                name: "ServiceRecords");

            migrationBuilder.DropTable(
                name: "SpotCheckPicks");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "VisitTaskAttempts");

            migrationBuilder.DropTable(
                name: "WeeklyReviewItems");

            migrationBuilder.DropTable(
                name: "Tenants");

            migrationBuilder.DropTable(
                name: "CorrectiveActions");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "Questionnaires");

            migrationBuilder.DropTable(
                name: "SpotChecks");

            migrationBuilder.DropTable(
                name: "VisitTasks");

            migrationBuilder.DropTable(
                name: "WeeklyReviews");
        }
    }
}
