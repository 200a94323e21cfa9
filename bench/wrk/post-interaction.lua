-- POST /api/v1/interactions: an outbound call on a random bench contact. Environment as for get-contact.lua.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local token = os.getenv("BENCH_TOKEN")
math.randomseed(os.time())
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

request = function()
  local body = '{"type":"CALL","direction":"OUTBOUND","occurredAt":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ") ..
      '","durationSeconds":' .. math.random(20, 900) .. ',"outcome":"CONNECTED","subject":"Bench call",' ..
      '"body":"Talked about the renewal.","contactIds":["' .. ids[math.random(#ids)] .. '"]}'
  return wrk.format("POST", "/api/v1/interactions", headers, body)
end
