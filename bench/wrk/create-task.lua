-- POST /api/v1/visit-tasks: every request a new customer and work order, so none is a duplicate or
-- held back by do-not-disturb (each would be a 409, not a created task).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local run = os.getenv("BENCH_RUN")
local n = 0
local template = '{"customer":{"externalId":"W-%s","name":"王先生","phone":"13812345678","preferredChannel":"Phone"},' ..
  '"serviceRecord":{"workOrderNo":"WO-W-%s","serviceType":"Repair","description":"空调故障维修","completedAt":"2026-11-20T10:00:00+08:00","staff":"李师傅","department":"AfterSales"},' ..
  '"purpose":"AfterSales","channel":"Phone","assignee":"agent-07"}'

function request()
  n = n + 1
  local id = run .. "-" .. tid .. "-" .. n
  return wrk.format("POST", "/api/v1/visit-tasks", nil, string.format(template, id, id))
end
