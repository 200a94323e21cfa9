-- GET /api/v1/contacts/{id} of a random bench contact. BENCH_TOKEN: a bearer token; BENCH_IDS: a file of ids.
-- The request is put together from two parts made once, not by wrk.format per request: the load tool shares the two
-- cores with the app and PostgreSQL, and formatting each request cost it about 130 us of CPU, three times what
-- pgbench spends on a transaction.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local count = #ids
local token = os.getenv("BENCH_TOKEN")
local head, tail
math.randomseed(os.time())

init = function()
  local host = wrk.headers["Host"]
  head = "GET /api/v1/contacts/"
  tail = " HTTP/1.1\r\nHost: " .. host .. "\r\nAuthorization: Bearer " .. token .. "\r\n\r\n"
end

request = function()
  return head .. ids[math.random(count)] .. tail
end
