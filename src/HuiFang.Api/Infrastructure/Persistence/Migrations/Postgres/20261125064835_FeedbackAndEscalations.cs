using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FeedbackAndEscalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks");

            migrationBuilder.AddColumn<Guid>(
                name: "EscalationId",
                table: "VisitTasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OverdueRaisedAt",
                table: "VisitTasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationPolicyJson",
                table: "Tenants",
                type: "text",
                nullable: true);

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
                    StatusBeforePause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    HandedToManager = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CycleStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RevisitTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseTarget = table.Column<long>(type: "bigint", nullable: false),
                    ResponseClock = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolutionTarget = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionClock = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WarningPercent = table.Column<int>(type: "integer", nullable: false),
                    ReminderInterval = table.Column<long>(type: "bigint", nullable: false),
                    MaxCycles = table.Column<int>(type: "integer", nullable: false),
                    ResponseDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseWarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BreachCount = table.Column<int>(type: "integer", nullable: false),
                    NextReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderCount = table.Column<int>(type: "integer", nullable: false),
                    LastReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextCheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextDueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PersonalDataErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRecords", x => x.Id);
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
                name: "EscalationPauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationPauses_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks",
                columns: new[] { "TenantId", "WorkOrderNo", "Purpose" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled' AND \"EscalationId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotes_EscalationId",
                table: "EscalationNotes",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationPauses_EscalationId",
                table: "EscalationPauses",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationNotes");

            migrationBuilder.DropTable(
                name: "EscalationPauses");

            migrationBuilder.DropTable(
                name: "FeedbackRecords");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_EscalationId",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_OverdueScan",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks");

            migrationBuilder.DropColumn(
                name: "EscalationId",
                table: "VisitTasks");

            migrationBuilder.DropColumn(
                name: "OverdueRaisedAt",
                table: "VisitTasks");

            migrationBuilder.DropColumn(
                name: "EscalationPolicyJson",
                table: "Tenants");

            migrationBuilder.CreateIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks",
                columns: new[] { "TenantId", "WorkOrderNo", "Purpose" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");
        }
    }
}
