-- POST /api/v1/visit-tasks/{id}/feedback: a score-1 urgent complaint, which opens an escalation, on
-- each seeded task once (BENCH_IDS, split between the threads).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local body = '{"score":1,"categories":["Complaint"],"complaintLevel":"Urgent","comment":"空调又坏了","unresolvedProblems":"空调不制冷"}'
local ids, i

function init(args)
  ids = my_lines(os.getenv("BENCH_IDS"))
  i = 0
end

function request()
  i = i + 1
  -- Past the last seeded task the answers are 409s (a task takes feedback once): counted as failures.
  local id = ids[(i - 1) % #ids + 1]
  return wrk.format("POST", "/api/v1/visit-tasks/" .. id .. "/feedback", nil, body)
end
