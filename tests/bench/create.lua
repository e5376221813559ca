-- wrk script: POST /api/v1/tickets, one new ticket per request.
--   API_KEY=dk_... wrk -t2 -c16 -d10s -s tests/bench/create.lua http://127.0.0.1:18480/api/v1/tickets
-- The key comes from $API_KEY (tests/bench/run.sh reads it from
-- $DESK_VAR/dev-credentials). Every request carries a different subject and
-- customer email, so each one resolves a new customer (the heavier path:
-- customer, contact, counter, ticket, field value and event rows, one
-- durable commit). Responses other than 201 are counted and reported.

local key = os.getenv("API_KEY")
if not key or key == "" then
  io.stderr:write("create.lua: set API_KEY\n")
  os.exit(2)
end

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  bad = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
end

function request()
  n = n + 1
  local tag = string.format("%d-%d-%d", tid, os.time(), n)
  local body = '{"subject":"监控告警 bench ' .. tag .. '",'
    .. '"description":"wrk benchmark ticket ' .. tag .. '：磁盘使用率超过阈值",'
    .. '"category":"usage",'
    .. '"customer":{"name":"压测用户 ' .. tag .. '","email":"bench-' .. tag .. '@example.com"},'
    .. '"fields":{"question_kind":"howto"}}'
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
    bad = bad + 1
    if bad == 1 then
      io.stderr:write("create.lua: unexpected status " .. status .. ": " .. tostring(body) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("bad") or 0)
  end
  io.write(string.format("create.lua: responses other than 201: %d\n", total))
end
