#!/usr/bin/env python3
"""OWSLib's OGC API – Features write calls against landreg serve, as a GIS
script would use them: create, read back, replace (PUT, with the ETag it read
as If-Match), delete; each answer checked by reading the feature again.

    oapif_owslib_edits.py BASE TOKEN

Exit 0 when every step did what it says; each failure on stderr.
"""
import json
import sys

from owslib.ogcapi.features import Features

base, token = sys.argv[1], sys.argv[2]
problems = []
headers = {"Authorization": "Bearer " + token}
service = Features(base, headers=dict(headers))
feature = {"type": "Feature", "properties": {"code": "ENT-OWS", "name": "经由 OWSLib 新建的企业", "key_supervised": False,
                                             "air_emitting": True, "permit_status": "valid", "permit_date": "2024-04-01", "industry": "水泥"},
           "geometry": {"type": "Point", "coordinates": [113.21, 35.85]}}

service.collection_item_create("enterprises", feature)
read = service.collection_item("enterprises", "ENT-OWS")
if read["properties"].get("name") != feature["properties"]["name"]:
    problems.append("create: read back %s" % read["properties"])
etag = service.response_headers.get("ETag")

feature["properties"]["name"] = "经由 OWSLib 替换的企业"
editor = Features(base, headers=dict(headers, **{"If-Match": etag, "Content-Type": "application/geo+json"}))
editor.collection_item_update("enterprises", "ENT-OWS", json.dumps(feature))
read = service.collection_item("enterprises", "ENT-OWS")
if read["properties"].get("name") != feature["properties"]["name"]:
    problems.append("replace: read back %s" % read["properties"])
# The ETag it replaced is stale now: OWSLib's call raises, and nothing changes.
try:
    editor.collection_item_update("enterprises", "ENT-OWS", json.dumps(dict(feature, properties=dict(feature["properties"], name="x"))))
    problems.append("a replace with a stale If-Match was accepted")
except RuntimeError as error:
    if "changed since version" not in str(error):
        problems.append("a stale replace said: %s" % error)

remover = Features(base, headers=dict(headers, **{"If-Match": service.response_headers.get("ETag")}))
remover.collection_item_delete("enterprises", "ENT-OWS")
try:
    service.collection_item("enterprises", "ENT-OWS")
    problems.append("delete: the feature is still there")
except RuntimeError:
    pass
for problem in problems:
    print(problem, file=sys.stderr)
print("OWSLib create, replace, delete: %d problems" % len(problems))
sys.exit(1 if problems else 0)
