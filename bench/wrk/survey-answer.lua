-- POST /s/{token}: a customer's answer sent from the form (a plain form post: overall 5, problem solved),
-- each seeded invitation answered once (BENCH_IDS holds their tokens, split between the threads). The
-- antiforgery cookie and field come from one GET of the form before the load (BENCH_AF_COOKIE,
-- BENCH_AF_FIELD): a pair is not tied to one link, as for a customer who opens a second link in the same browser.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
wrk.headers["X-Api-Key"] = nil
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["Accept-Language"] = "zh-CN,zh;q=0.9"
wrk.headers["Cookie"] = "hf-survey-af=" .. os.getenv("BENCH_AF_COOKIE")

local body = "__af=" .. os.getenv("BENCH_AF_FIELD") .. "&q.overall=5&q.resolved=yes"
local tokens, i

function init(args)
  tokens = my_lines(os.getenv("BENCH_IDS"))
  i = 0
end

function request()
  i = i + 1
  -- Past the last seeded invitation the answers are 409s (already answered): counted as failures.
  return wrk.format("POST", "/s/" .. tokens[(i - 1) % #tokens + 1], nil, body)
end
