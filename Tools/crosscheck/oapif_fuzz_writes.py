#!/usr/bin/env python3
"""schemathesis over what changes the registry, signed in: the edits (POST
items, PUT, PATCH, DELETE), the import and the check, with a token, requests
generated from `/api` and every answer held to it (no 5xx, the documented
statuses, types and headers).

    oapif_fuzz_writes.py BASE TOKEN
"""
import subprocess
import sys
import tempfile

base, token = sys.argv[1], sys.argv[2]
checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance"
result = subprocess.run([sys.executable, "-c", "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())",
                         "run", base + "/api", "-H", "Authorization: Bearer " + token, "--checks", checks,
                         "--include-method-regex", "^(POST|PUT|PATCH|DELETE)$", "--max-examples", "6", "--seed", "24",
                         "--phases", "coverage,fuzzing"],
                        capture_output=True, text=True, cwd=tempfile.mkdtemp(prefix="landreg-schemathesis-"))
print(result.stdout[-6000:])
sys.exit(result.returncode)
