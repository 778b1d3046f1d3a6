-- GET /s/{token}: the survey form a customer opens from the link, for a random one of the seeded open
-- invitations (BENCH_IDS holds their tokens). Sent as a phone's browser sends it: HTML wanted, gzip
-- accepted, Chinese first, no API key (the page takes none).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
wrk.headers["X-Api-Key"] = nil
wrk.headers["Content-Type"] = nil
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["Accept-Language"] = "zh-CN,zh;q=0.9"

local tokens

function init(args)
  tokens = my_lines(os.getenv("BENCH_IDS"))
  math.randomseed(tid + 1)
end

function request()
  return wrk.format("GET", "/s/" .. tokens[math.random(#tokens)])
end
