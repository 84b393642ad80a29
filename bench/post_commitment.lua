-- wrk script: POST /api/v1/commitments with a valid body, the same bytes on every request.
-- The partnership comes from the environment (bench/run.sh picks a real one via the API):
--   PARTNERSHIP_ID=<uuid> wrk -t1 -c64 -d10s --latency -s bench/post_commitment.lua \
--     http://127.0.0.1:PORT/api/v1/commitments
-- Every request creates a new commitment (201); anything else shows up in wrk's
-- "Non-2xx or 3xx responses" line, which bench/run.sh reports as errors.
local partnership_id = os.getenv("PARTNERSHIP_ID")
if partnership_id == nil or partnership_id == "" then
  error("set PARTNERSHIP_ID to the id of an existing partnership")
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format(
  '{"partnership_id":"%s","text":{"original":"en","en":"bench"},' ..
    '"area":"sports","proposed_by_side":"home"}',
  partnership_id)
