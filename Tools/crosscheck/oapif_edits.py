#!/usr/bin/env python3
"""Concurrent edits over HTTP (OGC API – Features Part 4 on landreg serve),
held to what the service answered.

    oapif_edits.py BASE LAYER CODES WRITERS EDITS READERS SEED [TOKEN]

WRITERS threads each make EDITS random edits of the features CODES (comma-
separated; overlapping between writers): GET the feature (its ETag), then
PATCH its name to a value no one else writes, with If-Match; on risk-plots
half the edits move the plot to a random stage instead, legal or not (422
for an illegal one, with the import's message). READERS threads
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
counts = {"accepted": 0, "refused": 0, "read": 0, "illegal": 0, "moved": 0}
stages = ["suspected", "investigating", "clean", "contaminated", "listed", "remediating", "delisted"]
NEXT = {"suspected": ["investigating"], "investigating": ["clean", "contaminated"], "contaminated": ["listed", "clean"],
        "listed": ["remediating"], "remediating": ["delisted"], "delisted": ["suspected"], "clean": ["suspected"]}
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
        status, headers, read = request(connection, "GET", path)
        if status != 200:
            with lock:
                problems.append("GET %s: %d" % (code, status))
            continue
        name = "w%d-%d" % (number, i)
        staging = layer == "risk-plots" and rnd.random() < 0.5
        if staging:
            # Mostly a stage the lifecycle allows from where the plot stands as read; else any.
            current = json.loads(read)["properties"].get("stage")
            legal = [stage for stage in NEXT.get(current, []) if stage != "suspected"]
            target = rnd.choice(legal) if legal and rnd.random() < 0.6 else rnd.choice(stages)
            patch = json.dumps({"properties": {"stage": target, "stage_date": "2024-06-01"}})
        else:
            patch = json.dumps({"properties": {"name": name}})
        before = headers["etag"]
        status, headers, body = request(connection, "PATCH", path + "?date=2024-06-01&note=reopened" + by, patch,
                                        {"Content-Type": "application/merge-patch+json", "If-Match": before})
        with lock:
            if staging:
                if status == 204:
                    counts["moved"] += headers["etag"] != before
                elif status == 422 and (b"cannot move from" in body or b"needs a reason" in body):
                    counts["illegal"] += 1
                elif status == 412:
                    counts["refused"] += 1
                else:
                    problems.append("stage PATCH %s: %d %s" % (code, status, body[:200]))
            elif status == 204:
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

moved = 0
for code in codes:
    whole = history(code)
    versions = whole[earlier[code]:]
    # Every stage change of this run is one the lifecycle allows, from where the plot stood.
    for v in versions:
        change = v.get("changes", {}).get("stage")
        # A stage edit moves the plot as `landreg stage` does (its command says so).
        if v["command"].startswith("stage ") or (v["command"] == "serve PATCH" and "name" not in v.get("changes", {})):
            moved += 1
        if change:
            if change[1] not in NEXT.get(change[0], []):
                problems.append("%s: an illegal stage path %s -> %s in the history" % (code, change[0], change[1]))
    names = [v["changes"]["name"][1] for v in versions if v["command"] == "serve PATCH" and "name" in v.get("changes", {})]
    want = [name for _, name in sorted(accepted[code])]
    if names != want:
        problems.append("%s: the history holds %d accepted names, %d were accepted (first difference at %s)"
                        % (code, len(names), len(want), next((i for i, (a, b) in enumerate(zip(names, want)) if a != b), min(len(names), len(want)))))
if moved != counts["moved"]:
    problems.append("the history holds %d stage edits, %d were accepted" % (moved, counts["moved"]))
for problem in problems[:20]:
    print(problem, file=sys.stderr)
print("edits: %d accepted (names), %d stage changes, %d illegal stage changes refused (422), %d refused (412), %d reads, %d problems"
      % (counts["accepted"], counts["moved"], counts["illegal"], counts["refused"], counts["read"], len(problems)))
sys.exit(1 if problems else 0)
