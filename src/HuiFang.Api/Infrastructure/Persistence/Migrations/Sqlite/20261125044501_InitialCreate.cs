using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CustomerPreferredChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    WorkOrderNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ServiceCompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceStaff = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ServiceDepartment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    DueRule = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DoNotDisturbOverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitTaskAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CallbackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VisitTaskId = table.Column<Guid>(type: "TEXT", nullable: false)
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
