index checks_proposal
CREATE INDEX checks_proposal ON checks(proposal_id);
index history_change
CREATE INDEX history_change ON history(layer, action, effective_date) WHERE action <> 'insert';
index history_external
CREATE INDEX history_external ON history(layer, code) WHERE recorded_by = 'external';
index history_feature
CREATE INDEX history_feature ON history(layer, code, effective_date, id);
index monitoring_month
CREATE INDEX monitoring_month ON monitoring(month, kind);
index permits_date
CREATE INDEX permits_date ON permits(permit_date);
index remedies_outfall
CREATE INDEX remedies_outfall ON remedies(outfall);
index tokens_active
CREATE UNIQUE INDEX tokens_active ON tokens(account, label) WHERE revoked_at IS NULL;
table account_log
CREATE TABLE account_log (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    change TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    changed_by TEXT NOT NULL);
table accounts
CREATE TABLE accounts (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'clerk', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
table admin
CREATE TABLE admin (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "kind" TEXT,
    "name" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table basic_farmland
CREATE TABLE basic_farmland (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "concentrated" INTEGER,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table check_runs
CREATE TABLE check_runs (
    id INTEGER PRIMARY KEY,
    checked_at TEXT NOT NULL,
    checked_by TEXT NOT NULL,
    file TEXT NOT NULL,
    proposals INTEGER NOT NULL DEFAULT 0,
    block INTEGER NOT NULL DEFAULT 0,
    condition INTEGER NOT NULL DEFAULT 0,
    warn INTEGER NOT NULL DEFAULT 0,
    clear INTEGER NOT NULL DEFAULT 0, check_date TEXT);
table checks
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES check_runs(id),
    proposal_id TEXT NOT NULL,
    use TEXT,
    action TEXT NOT NULL,
    verdict TEXT NOT NULL,
    properties TEXT NOT NULL,
    findings TEXT NOT NULL, "geom" GEOMETRY);
table discharge_limits
CREATE TABLE discharge_limits (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    parameter TEXT NOT NULL,
    minimum REAL,
    maximum REAL,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    recorded_by TEXT NOT NULL,
    note TEXT);
table enterprises
CREATE TABLE enterprises (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "name" TEXT,
    "key_supervised" INTEGER,
    "air_emitting" INTEGER,
    "permit_status" TEXT,
    "permit_date" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table farmland
CREATE TABLE farmland (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "class" TEXT,
    "town" TEXT,
    "crop" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table grdb_migrations
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
table history
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    layer TEXT NOT NULL,
    code TEXT NOT NULL,
    action TEXT NOT NULL,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    effective_date TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    command TEXT NOT NULL,
    doc TEXT,
    note TEXT,
    after_properties TEXT,
    after_geom BLOB);
table idx_admin_geom
CREATE VIRTUAL TABLE "idx_admin_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_basic_farmland_geom
CREATE VIRTUAL TABLE "idx_basic_farmland_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_enterprises_geom
CREATE VIRTUAL TABLE "idx_enterprises_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_farmland_geom
CREATE VIRTUAL TABLE "idx_farmland_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_outfalls_geom
CREATE VIRTUAL TABLE "idx_outfalls_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_risk_plots_geom
CREATE VIRTUAL TABLE "idx_risk_plots_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_rivers_geom
CREATE VIRTUAL TABLE "idx_rivers_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_sections_geom
CREATE VIRTUAL TABLE "idx_sections_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table idx_water_zones_geom
CREATE VIRTUAL TABLE "idx_water_zones_geom" USING rtree(pkid, xmin, xmax, ymin, ymax);
table landreg_writer
CREATE TABLE landreg_writer (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    active INTEGER NOT NULL DEFAULT 0);
table monitor_imports
CREATE TABLE monitor_imports (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    mode TEXT NOT NULL,
    rows INTEGER NOT NULL DEFAULT 0,
    replaced INTEGER NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    recorded_by TEXT NOT NULL);
table monitoring
CREATE TABLE monitoring (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    month TEXT NOT NULL,
    parameter TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT,
    note TEXT,
    import_id INTEGER NOT NULL REFERENCES monitor_imports(id),
    UNIQUE (site, kind, date, parameter));
table monitoring_replaced
CREATE TABLE monitoring_replaced (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    parameter TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT,
    note TEXT,
    import_id INTEGER NOT NULL,
    replaced_by INTEGER NOT NULL REFERENCES monitor_imports(id));
table outfalls
CREATE TABLE outfalls (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "type" TEXT,
    "name" TEXT,
    "river" TEXT,
    "status" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table permits
CREATE TABLE permits (
    id INTEGER PRIMARY KEY,
    proposal_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    permit_date TEXT NOT NULL,
    check_id INTEGER NOT NULL REFERENCES checks(id),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    recorded_by TEXT NOT NULL, note TEXT);
table remedies
CREATE TABLE remedies (
    id INTEGER PRIMARY KEY,
    outfall TEXT NOT NULL,
    event TEXT NOT NULL,
    measure TEXT,
    responsible TEXT,
    deadline TEXT,
    event_date TEXT NOT NULL,
    note TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    recorded_by TEXT NOT NULL);
table risk_plots
CREATE TABLE risk_plots (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "stage" TEXT,
    "name" TEXT,
    "former_use" TEXT,
    "toxic_history" INTEGER,
    "enterprise" TEXT,
    "town" TEXT,
    "stage_date" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table rivers
CREATE TABLE rivers (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "name" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table sections
CREATE TABLE sections (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "name" TEXT,
    "target_class" TEXT,
    "river" TEXT,
    "assessed_by" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
table settings
CREATE TABLE settings (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
table settings_log
CREATE TABLE settings_log (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
table tokens
CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL REFERENCES accounts(name),
    label TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    revoked_at TEXT);
table water_zones
CREATE TABLE water_zones (
    fid INTEGER PRIMARY KEY,
    "code" TEXT NOT NULL UNIQUE,
    "level" TEXT,
    "source" TEXT,
    "source_type" TEXT,
    extra TEXT NOT NULL DEFAULT '{}', "geom" GEOMETRY NOT NULL DEFAULT '');
trigger discharge_limits_append_only_delete
CREATE TRIGGER discharge_limits_append_only_delete BEFORE DELETE ON discharge_limits
BEGIN SELECT RAISE(ABORT, 'discharge limits are append-only'); END;
trigger discharge_limits_append_only_update
CREATE TRIGGER discharge_limits_append_only_update BEFORE UPDATE ON discharge_limits
BEGIN SELECT RAISE(ABORT, 'discharge limits are append-only'); END;
trigger history_append_only_delete
CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
trigger history_append_only_update
CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
trigger landreg_delete_admin
CREATE TRIGGER landreg_delete_admin AFTER DELETE ON admin
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('admin', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_basic_farmland
CREATE TRIGGER landreg_delete_basic_farmland AFTER DELETE ON basic_farmland
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('basic-farmland', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_enterprises
CREATE TRIGGER landreg_delete_enterprises AFTER DELETE ON enterprises
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('enterprises', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_farmland
CREATE TRIGGER landreg_delete_farmland AFTER DELETE ON farmland
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('farmland', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_outfalls
CREATE TRIGGER landreg_delete_outfalls AFTER DELETE ON outfalls
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('outfalls', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_risk_plots
CREATE TRIGGER landreg_delete_risk_plots AFTER DELETE ON risk_plots
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('risk-plots', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_rivers
CREATE TRIGGER landreg_delete_rivers AFTER DELETE ON rivers
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('rivers', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_sections
CREATE TRIGGER landreg_delete_sections AFTER DELETE ON sections
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('sections', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_delete_water_zones
CREATE TRIGGER landreg_delete_water_zones AFTER DELETE ON water_zones
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
    VALUES ('water-zones', OLD.code, 'delete', date('now'), 'external', 'external edit');
END;
trigger landreg_insert_admin
CREATE TRIGGER landreg_insert_admin AFTER INSERT ON admin
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('admin', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'kind', NEW."kind", 'name', NEW."name")) AS c)), NEW.geom);
END;
trigger landreg_insert_basic_farmland
CREATE TRIGGER landreg_insert_basic_farmland AFTER INSERT ON basic_farmland
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('basic-farmland', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)) AS c)), NEW.geom);
END;
trigger landreg_insert_enterprises
CREATE TRIGGER landreg_insert_enterprises AFTER INSERT ON enterprises
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('enterprises', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date")) AS c)), NEW.geom);
END;
trigger landreg_insert_farmland
CREATE TRIGGER landreg_insert_farmland AFTER INSERT ON farmland
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('farmland', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop")) AS c)), NEW.geom);
END;
trigger landreg_insert_outfalls
CREATE TRIGGER landreg_insert_outfalls AFTER INSERT ON outfalls
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('outfalls', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status")) AS c)), NEW.geom);
END;
trigger landreg_insert_risk_plots
CREATE TRIGGER landreg_insert_risk_plots AFTER INSERT ON risk_plots
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('risk-plots', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date")) AS c)), NEW.geom);
END;
trigger landreg_insert_rivers
CREATE TRIGGER landreg_insert_rivers AFTER INSERT ON rivers
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('rivers', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name")) AS c)), NEW.geom);
END;
trigger landreg_insert_sections
CREATE TRIGGER landreg_insert_sections AFTER INSERT ON sections
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('sections', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by")) AS c)), NEW.geom);
END;
trigger landreg_insert_water_zones
CREATE TRIGGER landreg_insert_water_zones AFTER INSERT ON water_zones
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('water-zones', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type")) AS c)), NEW.geom);
END;
trigger landreg_update_admin
CREATE TRIGGER landreg_update_admin AFTER UPDATE ON admin
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('admin', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'kind', NEW."kind", 'name', NEW."name")) AS c)), NEW.geom);
END;
trigger landreg_update_basic_farmland
CREATE TRIGGER landreg_update_basic_farmland AFTER UPDATE ON basic_farmland
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('basic-farmland', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)) AS c)), NEW.geom);
END;
trigger landreg_update_enterprises
CREATE TRIGGER landreg_update_enterprises AFTER UPDATE ON enterprises
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('enterprises', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date")) AS c)), NEW.geom);
END;
trigger landreg_update_farmland
CREATE TRIGGER landreg_update_farmland AFTER UPDATE ON farmland
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('farmland', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop")) AS c)), NEW.geom);
END;
trigger landreg_update_outfalls
CREATE TRIGGER landreg_update_outfalls AFTER UPDATE ON outfalls
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('outfalls', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status")) AS c)), NEW.geom);
END;
trigger landreg_update_risk_plots
CREATE TRIGGER landreg_update_risk_plots AFTER UPDATE ON risk_plots
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('risk-plots', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date")) AS c)), NEW.geom);
END;
trigger landreg_update_rivers
CREATE TRIGGER landreg_update_rivers AFTER UPDATE ON rivers
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('rivers', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name")) AS c)), NEW.geom);
END;
trigger landreg_update_sections
CREATE TRIGGER landreg_update_sections AFTER UPDATE ON sections
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('sections', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by")) AS c)), NEW.geom);
END;
trigger landreg_update_water_zones
CREATE TRIGGER landreg_update_water_zones AFTER UPDATE ON water_zones
WHEN (SELECT active FROM landreg_writer) = 0
BEGIN
    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
    VALUES ('water-zones', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type")) AS c)), NEW.geom);
END;
trigger remedies_append_only_delete
CREATE TRIGGER remedies_append_only_delete BEFORE DELETE ON remedies
BEGIN SELECT RAISE(ABORT, 'remedies are append-only'); END;
trigger remedies_append_only_update
CREATE TRIGGER remedies_append_only_update BEFORE UPDATE ON remedies
BEGIN SELECT RAISE(ABORT, 'remedies are append-only'); END;
geometry_columns admin geom type 0 dims 2 srid 4547 index 1
geometry_columns basic_farmland geom type 0 dims 2 srid 4547 index 1
geometry_columns checks geom type 0 dims 2 srid 4547 index 0
geometry_columns enterprises geom type 0 dims 2 srid 4547 index 1
geometry_columns farmland geom type 0 dims 2 srid 4547 index 1
geometry_columns outfalls geom type 0 dims 2 srid 4547 index 1
geometry_columns risk_plots geom type 0 dims 2 srid 4547 index 1
geometry_columns rivers geom type 0 dims 2 srid 4547 index 1
geometry_columns sections geom type 0 dims 2 srid 4547 index 1
geometry_columns water_zones geom type 0 dims 2 srid 4547 index 1
setting concentrated_farmland_distance_m = 1000
setting county_seat_distance_m = 20000
setting overlap_min_m2 = 1
setting sequencing_distance_m = 500
setting srid = 4547
migration v1 layers and settings
migration v10 accounts and tokens
migration v11 history indexes by layer
migration v12 history changes without inserts
migration v2 check records
migration v3 settings log
migration v4 history and permits
migration v5 outside edits and permit notes
migration v6 monitoring, limits and remedies
migration v7 check dates
migration v8 outside edits index
migration v9 outside edits keep nested nulls
