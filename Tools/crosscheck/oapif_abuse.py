#!/usr/bin/env python3
"""Requests no polite client sends, on raw sockets, against a running
feature service: each gets a 400 naming what is wrong (or the connection
closed), and the server answers the next request at once.

  oapif_abuse.py BASE_URL LAYER

- a 1 MB query string, and one just over the service's 8 KB;
- percent-encoding tricks: a lone %, %G1, overlong UTF-8 (%C0%AF), bytes
  that are not UTF-8, an encoded & inside a value, an encoded name;
- a client that asks for many large pages and never reads them, while
  another client is served;
- a client that sends half a request and stops.
Exits 1 and prints what went wrong.
"""
import json
import socket
import sys
import time
import urllib.parse

url = urllib.parse.urlsplit(sys.argv[1])
layer = sys.argv[2]
address = (url.hostname, url.port)
failures = []


def exchange(request, timeout=30):
    """Sends a raw request; returns (status, body) or (None, why) if the server closed."""
    with socket.create_connection(address, timeout=timeout) as s:
        try:
            s.sendall(request)
        except OSError as error:  # the server may close before it has read it all
            return None, f"closed while sending ({error})"
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    return None, "closed"
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = next((int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")), None)
            while length is not None and len(body) < length:
                chunk = s.recv(65536)
                if not chunk:
                    break
                body += chunk
        except OSError as error:
            return None, f"closed ({error})"
        return int(head.split(b" ")[1]), body.decode("utf-8", "replace")


def get(target):
    return exchange(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")


def still_answers(what):
    started = time.time()
    status, body = get(b"/conformance")
    if status != 200 or time.time() - started > 2:
        failures.append(f"after {what}: /conformance gave {status} in {time.time() - started:.1f} s")


items = f"/collections/{layer}/items".encode()
for what, target, parameter in [
    ("a 1 MB query string", items + b"?limit=" + b"9" * (1 << 20), None),
    ("a query string over 8 KB", items + b"?limit=" + b"9" * 9000, "query string"),
    ("a lone %", items + b"?limit=%", "limit"),
    ("%G1", items + b"?limit=%G1", "limit"),
    ("overlong UTF-8", items + b"?datetime=%C0%AF", "datetime"),
    ("bytes that are not UTF-8", items + b"?after=%FF%FE", "after"),
    ("an encoded & in a value", items + b"?limit=1%26after=x", "limit"),
    ("an encoded name", items + b"?%6Cimit=0", "limit"),
    ("a broken name", items + b"?%ZZ=1", "name"),
    ("a NUL in a value", items + b"?bbox=1%00,2,3,4", "bbox"),
]:
    status, body = get(target)
    if status is None:
        if parameter is not None:
            failures.append(f"{what}: the connection was closed ({body}), a 400 naming {parameter} was expected")
    elif status != 400:
        failures.append(f"{what}: {status}, not 400: {body[:200]}")
    elif parameter is not None:
        try:
            description = json.loads(body)["description"]
        except (ValueError, KeyError):
            description = ""
        if parameter not in description:
            failures.append(f"{what}: the 400 does not name {parameter}: {body[:200]}")
    still_answers(what)

# A reader that never reads: 20 pages of 10,000 features asked, none read.
slow = socket.create_connection(address)
slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
for _ in range(20):
    slow.sendall(b"GET " + items + b"?limit=10000 HTTP/1.1\r\nHost: x\r\n\r\n")
time.sleep(1)
still_answers("a client that does not read")
# Half a request, then silence.
half = socket.create_connection(address)
half.sendall(b"GET " + items + b"?limit=1 HTTP/1.1\r\nHost: x\r\nX-Half: ")
time.sleep(0.5)
still_answers("half a request")
slow.close()
half.close()
still_answers("the two closed")

for failure in failures:
    print(failure)
print(f"{len(failures)} wrong")
sys.exit(1 if failures else 0)
