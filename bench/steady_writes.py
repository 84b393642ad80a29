# Posts commitments to an amity server at a steady rate until SIGTERM, then prints how many and
# at what rate; for measuring `amity backup` while the server writes (bench/RESULTS.md).
# usage: steady_writes.py PORT TOKEN PARTNERSHIP_ID RATE   (RATE writes/s; 0 = as fast as it can)
import http.client, json, sys, time, signal
port, token, partnership, rate = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
body = json.dumps({"partnership_id": partnership, "text": {"en": "Load"}, "area": "youth",
                   "proposed_by_side": "home"})
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
conn = http.client.HTTPConnection("127.0.0.1", port)
done = failed = 0
start = time.time()
def report(*_):
    elapsed = time.time() - start
    print(f"writes {done} failed {failed} in {elapsed:.1f} s = {done/elapsed:.1f}/s", flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, report)
while True:
    conn.request("POST", "/api/v1/commitments", body, headers)
    r = conn.getresponse(); r.read()
    if r.status == 201: done += 1
    else: failed += 1
    if rate > 0:
        next_at = start + done / rate
        delay = next_at - time.time()
        if delay > 0: time.sleep(delay)
