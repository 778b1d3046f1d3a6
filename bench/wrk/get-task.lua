-- GET /api/v1/visit-tasks/{id} of a random seeded task.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local ids

function init(args)
  ids = my_lines(os.getenv("BENCH_IDS"))
  math.randomseed(tid + 1)
end

function request()
  return wrk.format("GET", "/api/v1/visit-tasks/" .. ids[math.random(#ids)])
end
