"""Load check of the web form's answer endpoint: how many answers per second `ecv serve` records.

Usage: python3 Benchmarks/form-load.py BASE_URL [REQUESTS] [THREADS]
Posts REQUESTS answers (default 2000) from THREADS threads (default 4) as the form's script does
(Accept: application/json), alternating vehicles and values, and prints throughput and latency
percentiles. Bounded: stops after REQUESTS posts or 60 seconds.
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 4
vehicles = ["HLJ-FIRE-01", "HLJ-FIRE-02", "JL-FIRE-01", "LN-FIRE-01", "SC-FIRE-01", "SN-FIRE-01"]

connection = http.client.HTTPConnection(base.hostname, base.port)
connection.request("GET", "/vehicles/HLJ-FIRE-01/power")
page = connection.getresponse().read().decode()
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)

latencies = []
failures = []
lock = threading.Lock()
deadline = time.time() + 60


def worker(index):
    client = http.client.HTTPConnection(base.hostname, base.port)
    for number in range(index, requests, threads):
        if time.time() > deadline:
            return
        vehicle = vehicles[number % len(vehicles)]
        body = urllib.parse.urlencode(
            {"csrf": csrf, "item": "power.grounding", "value": "%.1f" % (0.5 + (number % 5) / 10), "note": ""})
        started = time.perf_counter()
        client.request("POST", "/vehicles/%s/answers" % vehicle, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        response = client.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)
            if response.status != 200:
                failures.append(response.status)


started = time.time()
pool = [threading.Thread(target=worker, args=(index,)) for index in range(threads)]
for thread in pool:
    thread.start()
for thread in pool:
    thread.join()
wall = time.time() - started
latencies.sort()


def percentile(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000


print("| answers | threads | seconds | answers/s | p50 ms | p99 ms | max ms | failed |")
print("|---|---|---|---|---|---|---|---|")
print("| %d | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %d |" % (
    len(latencies), threads, wall, len(latencies) / wall, percentile(0.5), percentile(0.99),
    latencies[-1] * 1000, len(failures)))
