#!/usr/bin/env python3
"""Every row of a registry's own tables, as text, for comparing two
registries that should hold the same records: timestamps of when a row was
written masked (two runs never write in the same second), hashes left out
(bcrypt salts each one), geometry blobs as hex, SpatiaLite's and GRDB's
tables and the spatial indexes left out.

    registry_rows.py DB [TABLE.COLUMN …]   (columns also left out)
"""
import re
import sqlite3
import sys

db, ignored = sys.argv[1], set(sys.argv[2:])
stamp = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?")
connection = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          if not re.match(r"^(sqlite_|idx_|grdb_|spatial|geometry_|views_geometry|virts_geometry|geom_cols|sql_statements|"
                          r"data_licenses|spatialite_|ElementaryGeometries|SpatialIndex|KNN|landreg_writer)", name, re.I)]
for table in tables:
    columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    kept = [c for c in columns if "hash" not in c and f"{table}.{c}" not in ignored]
    rows = connection.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in kept)} FROM "{table}" ORDER BY rowid').fetchall()
    print(f"## {table} ({len(rows)} rows): {', '.join(kept)}")
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, bytes):
                cells.append(value.hex())
            elif isinstance(value, str):
                cells.append(stamp.sub("<time>", value))
            else:
                cells.append(repr(value))
        print(" | ".join(cells))
