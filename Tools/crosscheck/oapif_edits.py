#!/usr/bin/env python3
"""Concurrent edits over HTTP (OGC API – Features Part 4 on landreg serve),
held to what the service answered.

    oapif_edits.py BASE LAYER CODES WRITERS EDITS READERS SEED [TOKEN]

WRITERS threads each make EDITS random edits of the features CODES (comma-
separated; overlapping between writers): GET the feature (its ETag), then
PATCH its name to a value no one else writes, with If-Match. READERS threads
page through the layer meanwhile. Every answer must be 204 (accepted) or 412
(someone was first); afterwards every feature's history must hold exactly
the accepted names, in the order of their ETags, none lost, none refused in
it, and the readers must have seen only 200s. Prints a summary; exit 0 when
all holds, 1 with each problem on stderr.
"""
import http.client
import json
import random
import sys
import threading
import urllib.parse

base, layer, codes = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
writers, edits, readers, seed = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
token = sys.argv[8] if len(sys.argv) > 8 else None
host = urllib.parse.urlparse(base)
problems, lock = [], threading.Lock()
accepted = {code: [] for code in codes}  # (new version, name)
counts = {"accepted": 0, "refused": 0, "read": 0}
done = threading.Event()


def request(connection, method, path, body=None, headers=None):
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=body, headers=headers)
    answer = connection.getresponse()
    return answer.status, dict((k.lower(), v) for k, v in answer.getheaders()), answer.read()


def writer(number):
    rnd = random.Random(seed * 1000 + number)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    by = "" if token else "&by=writer-%d" % number
    for i in range(edits):
        code = rnd.choice(codes)
        path = "/collections/%s/items/%s" % (layer, urllib.parse.quote(code))
        status, headers, _ = request(connection, "GET", path)
        if status != 200:
            with lock:
                problems.append("GET %s: %d" % (code, status))
            continue
        name = "w%d-%d" % (number, i)
        patch = json.dumps({"properties": {"name": name}})
        status, headers, body = request(connection, "PATCH", path + "?date=2024-06-01" + by, patch,
                                        {"Content-Type": "application/merge-patch+json", "If-Match": headers["etag"]})
        with lock:
            if status == 204:
                accepted[code].append((int(headers["etag"].strip('"')), name))
                counts["accepted"] += 1
            elif status == 412:
                counts["refused"] += 1
            else:
                problems.append("PATCH %s: %d %s" % (code, status, body[:200]))


def reader(number):
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    while not done.is_set():
        status, _, _ = request(connection, "GET", "/collections/%s/items?limit=50" % layer)
        with lock:
            counts["read"] += 1
            if status != 200:
                problems.append("reader %d: %d" % (number, status))


def history(code):
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    status, _, body = request(connection, "GET", "/collections/%s/items/%s/versions" % (layer, urllib.parse.quote(code)))
    return json.loads(body)["versions"]


# Only this run's edits are held to its answers (the registry may have a history before it).
earlier = {code: len(history(code)) for code in codes}
threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
watchers = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
for t in threads + watchers:
    t.start()
for t in threads:
    t.join()
done.set()
for t in watchers:
    t.join()

for code in codes:
    versions = history(code)[earlier[code]:]
    names = [v["changes"]["name"][1] for v in versions if v["command"] == "serve PATCH" and "name" in v.get("changes", {})]
    want = [name for _, name in sorted(accepted[code])]
    if names != want:
        problems.append("%s: the history holds %d accepted names, %d were accepted (first difference at %s)"
                        % (code, len(names), len(want), next((i for i, (a, b) in enumerate(zip(names, want)) if a != b), min(len(names), len(want)))))
for problem in problems[:20]:
    print(problem, file=sys.stderr)
print("edits: %d accepted, %d refused (412), %d reads, %d problems" % (counts["accepted"], counts["refused"], counts["read"], len(problems)))
sys.exit(1 if problems else 0)
