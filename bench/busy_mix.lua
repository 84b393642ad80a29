-- wrk script: issue 17's mixed load on one busy partnership that grows during the run.
--   20% new commitments in it, 10% progress notes on its commitments, 70% reads: its commitments
--   page, its dashboard, a search, one commitment, its timeline, its events.
-- From the environment (bench/busy.sh sets them): PARTNERSHIP_ID, COMMITMENT_IDS (ids of its
-- commitments, comma-separated). Anything but 2xx shows in wrk's "Non-2xx or 3xx responses".
local partnership = os.getenv("PARTNERSHIP_ID")
local ids_text = os.getenv("COMMITMENT_IDS")
if partnership == nil or partnership == "" or ids_text == nil or ids_text == "" then
  error("set PARTNERSHIP_ID and COMMITMENT_IDS")
end
local ids = {}
for id in string.gmatch(ids_text, "[^,]+") do ids[#ids + 1] = id end

-- wrk.format replaces wrk.headers (where -H puts the Authorization) by the table it is given and
-- stores the body's Content-Length in it: one table per body, each a copy of wrk.headers.
local function json_headers()
  local headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return headers
end
local create_headers, note_headers
function init(args)
  create_headers = json_headers()
  note_headers = json_headers()
end
local create = string.format(
  '{"partnership_id":"%s","text":{"original":"en","en":"busy bench"},' ..
    '"area":"music","proposed_by_side":"both","due_date":"2027-06-30"}', partnership)
local note = '{"note":"progress on the busy partnership"}'
local reads = {
  "/api/v1/commitments?limit=50&partnership_id=" .. partnership,
  "/api/v1/dashboard?partnership_id=" .. partnership,
  "/api/v1/search?q=konser",
  nil, -- one commitment, picked per request
  "/api/v1/partnerships/" .. partnership .. "/timeline?limit=50",
  "/api/v1/events?partnership_id=" .. partnership,
}

local counter = 0
function request()
  counter = counter + 1
  local slot = counter % 10
  if slot < 2 then
    return wrk.format("POST", "/api/v1/commitments", create_headers, create)
  elseif slot == 2 then
    local id = ids[math.random(#ids)]
    return wrk.format("POST", "/api/v1/commitments/" .. id .. "/notes", note_headers, note)
  end
  local which = (math.floor(counter / 10) + slot) % 6 + 1
  if which == 4 then
    return wrk.format("GET", "/api/v1/commitments/" .. ids[math.random(#ids)])
  end
  return wrk.format("GET", reads[which])
end
