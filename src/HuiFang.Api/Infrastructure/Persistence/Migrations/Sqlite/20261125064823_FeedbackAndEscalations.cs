using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueRaisedAt",
                table: "VisitTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationPolicyJson",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Supervisor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Manager = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatusBeforePause = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    HandedToManager = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CycleStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RevisitTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseTarget = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseClock = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResolutionTarget = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionClock = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WarningPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderInterval = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxCycles = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseWarnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionWarnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseWarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionWarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonalDataErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CategoryMask = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintLevel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UnresolvedProblems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AttitudeScore = table.Column<int>(type: "INTEGER", nullable: true),
                    TimelinessScore = table.Column<int>(type: "INTEGER", nullable: true),
                    QualityScore = table.Column<int>(type: "INTEGER", nullable: true),
                    ProfessionalismScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Nps = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CallEndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CallDurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    CustomerSigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    PendingInquiry = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InquiryReplyDueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    InquiryRepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InquiryReply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InquiryOverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsRevisit = table.Column<bool>(type: "INTEGER", nullable: false),
                    CorrectionOf = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupersededBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonalDataErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EscalationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false)
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
