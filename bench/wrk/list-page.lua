-- GET /api/v1/visit-tasks?assignee=agent-N&limit=50: an agent's first page of work, N random of 20.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

function init(args)
  math.randomseed(tid + 1)
end

function request()
  return wrk.format("GET", "/api/v1/visit-tasks?assignee=agent-" .. math.random(0, 19) .. "&limit=50")
end
