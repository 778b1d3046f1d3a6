using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CallersTenantsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_Assignee_DueBy",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_CustomerExternalId_ScheduledFor",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_DueBy_Id",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_Status_DueBy",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks");

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "VisitTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "VisitTasks",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "default"); // tasks created before tenants existed belong to the default tenant

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CallerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Headers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.TenantId, x.CallerId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CalendarJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
                filter: "\"Status\" <> 'Cancelled'");

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
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_TenantId_Assignee_DueBy",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_TenantId_CustomerExternalId_ScheduledFor",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_TenantId_DueBy_Id",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_VisitTasks_TenantId_Status_DueBy",
                table: "VisitTasks");

            migrationBuilder.DropIndex(
                name: "UX_VisitTasks_WorkOrder_Purpose_Active",
                table: "VisitTasks");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "VisitTasks");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "VisitTasks");

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
    }
}
