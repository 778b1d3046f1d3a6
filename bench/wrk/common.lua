-- Shared by the scenario scripts (wrk runs each script once per thread, in its own Lua state, plus once
-- for setup/done). Every request carries the API key; every answer is counted, 2xx or not, and the
-- first few failures are printed so a broken run explains itself. done() writes BENCH_OUT as JSON.
wrk.headers["X-Api-Key"] = os.getenv("BENCH_KEY")
wrk.headers["Content-Type"] = "application/json"

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  thread:set("nthreads", tonumber(os.getenv("BENCH_THREADS")))
  next_id = next_id + 1
  table.insert(threads, thread)
end

ok, failed = 0, 0

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    failed = failed + 1
    if failed <= 3 then io.stderr:write("HTTP " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end
  end
end

-- The lines of a file (ids seeded by bench/run) that belong to this thread.
function my_lines(path)
  local mine = {}
  local n = 0
  for line in io.lines(path) do
    if n % nthreads == tid then table.insert(mine, line) end
    n = n + 1
  end
  return mine
end

function done(summary, latency, requests)
  local ok_total, failed_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    failed_total = failed_total + t:get("failed")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local f = io.open(os.getenv("BENCH_OUT"), "w")
  f:write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"ok":%d,"failed":%d,"socketErrors":%d,"timeouts":%d,' ..
    '"latencyMs":{"p50":%.2f,"p90":%.2f,"p99":%.2f,"max":%.2f,"mean":%.2f}}\n',
    summary.requests, seconds, summary.requests / seconds, ok_total, failed_total,
    e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
  f:close()
end
