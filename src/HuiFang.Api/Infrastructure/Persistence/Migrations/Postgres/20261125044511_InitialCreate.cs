using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisitTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
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
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTasks", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_VisitTaskAttempts_VisitTaskId",
                table: "VisitTaskAttempts",
                column: "VisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_Assignee_DueBy",
                table: "VisitTasks",
                columns: new[] { "Assignee", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_CustomerExternalId_ScheduledFor",
                table: "VisitTasks",
                columns: new[] { "CustomerExternalId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_DueBy_Id",
                table: "VisitTasks",
                columns: new[] { "DueBy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitTasks_Status_DueBy",
                table: "VisitTasks",
                columns: new[] { "Status", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks",
                columns: new[] { "WorkOrderNo", "Purpose" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitTaskAttempts");

            migrationBuilder.DropTable(
                name: "VisitTasks");
        }
    }
}
