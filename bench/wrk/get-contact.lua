-- GET /api/v1/contacts/{id} of a random bench contact. BENCH_TOKEN: a bearer token; BENCH_IDS: a file of ids.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local token = os.getenv("BENCH_TOKEN")
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/api/v1/contacts/" .. ids[math.random(#ids)], { ["Authorization"] = "Bearer " .. token })
end
