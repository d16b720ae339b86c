// Long file: the migrations' SQL, frozen and literal by design (one
// statement per layer table); nothing here is edited once released.

/// The SQL of the migrations that is too long to read inline.
enum MigrationSQL {
    /// v1: the nine layer tables (contract columns, extra properties as JSON,
    /// a geometry column in the registry's CRS with its R*Tree) and settings.
    static let v1Tables: [(table: String, sql: String)] = [
        ("risk_plots", """
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
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("farmland", """
            CREATE TABLE farmland (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "class" TEXT,
                "town" TEXT,
                "crop" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("basic_farmland", """
            CREATE TABLE basic_farmland (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "concentrated" INTEGER,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("water_zones", """
            CREATE TABLE water_zones (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "level" TEXT,
                "source" TEXT,
                "source_type" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("rivers", """
            CREATE TABLE rivers (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "name" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("sections", """
            CREATE TABLE sections (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "name" TEXT,
                "target_class" TEXT,
                "river" TEXT,
                "assessed_by" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("outfalls", """
            CREATE TABLE outfalls (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "type" TEXT,
                "name" TEXT,
                "river" TEXT,
                "status" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("enterprises", """
            CREATE TABLE enterprises (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "name" TEXT,
                "key_supervised" INTEGER,
                "air_emitting" INTEGER,
                "permit_status" TEXT,
                "permit_date" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
        ("admin", """
            CREATE TABLE admin (
                fid INTEGER PRIMARY KEY,
                "code" TEXT NOT NULL UNIQUE,
                "kind" TEXT,
                "name" TEXT,
                extra TEXT NOT NULL DEFAULT '{}')
            """),
    ]

    /// v4: the features already in the registry enter the history as
    /// inserts, effective on their own date where they have one.
    static let v4Backfill: [String] = [
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'risk-plots', code, 'insert', COALESCE("stage_date", date('now')),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'stage', "stage", 'name', "name", 'former_use', "former_use", 'toxic_history', CASE "toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', "enterprise", 'town', "town", 'stage_date', "stage_date")), extra), AsBinary(geom)
        FROM risk_plots ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'farmland', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'class', "class", 'town', "town", 'crop', "crop")), extra), AsBinary(geom)
        FROM farmland ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'basic-farmland', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'concentrated', CASE "concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)), extra), AsBinary(geom)
        FROM basic_farmland ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'water-zones', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'level', "level", 'source', "source", 'source_type', "source_type")), extra), AsBinary(geom)
        FROM water_zones ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'rivers', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'name', "name")), extra), AsBinary(geom)
        FROM rivers ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'sections', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'name', "name", 'target_class', "target_class", 'river', "river", 'assessed_by', "assessed_by")), extra), AsBinary(geom)
        FROM sections ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'outfalls', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'type', "type", 'name', "name", 'river', "river", 'status', "status")), extra), AsBinary(geom)
        FROM outfalls ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'enterprises', code, 'insert', COALESCE("permit_date", date('now')),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'name', "name", 'key_supervised', CASE "key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE "air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', "permit_status", 'permit_date', "permit_date")), extra), AsBinary(geom)
        FROM enterprises ORDER BY code
        """,
        """
        INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
        SELECT 'admin', code, 'insert', date('now'),
               'landreg', 'migration v4', json_patch(json_patch('{}', json_object('code', "code", 'kind', "kind", 'name', "name")), extra), AsBinary(geom)
        FROM admin ORDER BY code
        """,
    ]

    /// v5: changes made by other programs (QGIS, sqlite3) enter the history
    /// as `external` edits, effective the day they were made; landreg's own
    /// writes set `landreg_writer.active` inside their transaction, so they
    /// are not recorded twice. The geometry is stored as SpatiaLite's blob
    /// (the editing program may not have SpatiaLite's functions).
    static let v5Triggers: [String] = [
        """
        CREATE TRIGGER landreg_insert_risk_plots AFTER INSERT ON risk_plots
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('risk-plots', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_risk_plots AFTER UPDATE ON risk_plots
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('risk-plots', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_risk_plots AFTER DELETE ON risk_plots
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('risk-plots', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_farmland AFTER INSERT ON farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('farmland', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_farmland AFTER UPDATE ON farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('farmland', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_farmland AFTER DELETE ON farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('farmland', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_basic_farmland AFTER INSERT ON basic_farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('basic-farmland', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_basic_farmland AFTER UPDATE ON basic_farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('basic-farmland', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_basic_farmland AFTER DELETE ON basic_farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('basic-farmland', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_water_zones AFTER INSERT ON water_zones
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('water-zones', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_water_zones AFTER UPDATE ON water_zones
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('water-zones', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_water_zones AFTER DELETE ON water_zones
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('water-zones', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_rivers AFTER INSERT ON rivers
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('rivers', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'name', NEW."name")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_rivers AFTER UPDATE ON rivers
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('rivers', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'name', NEW."name")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_rivers AFTER DELETE ON rivers
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('rivers', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_sections AFTER INSERT ON sections
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('sections', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_sections AFTER UPDATE ON sections
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('sections', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_sections AFTER DELETE ON sections
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('sections', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_outfalls AFTER INSERT ON outfalls
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('outfalls', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_outfalls AFTER UPDATE ON outfalls
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('outfalls', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_outfalls AFTER DELETE ON outfalls
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('outfalls', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_enterprises AFTER INSERT ON enterprises
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('enterprises', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_enterprises AFTER UPDATE ON enterprises
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('enterprises', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_enterprises AFTER DELETE ON enterprises
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('enterprises', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
        """
        CREATE TRIGGER landreg_insert_admin AFTER INSERT ON admin
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('admin', NEW.code, 'insert', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'kind', NEW."kind", 'name', NEW."name")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_update_admin AFTER UPDATE ON admin
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('admin', NEW.code, 'update', date('now'), 'external', 'external edit', json_patch(json_patch('{}', json_object('code', NEW."code", 'kind', NEW."kind", 'name', NEW."name")), NEW.extra), NEW.geom);
        END
        """,
        """
        CREATE TRIGGER landreg_delete_admin AFTER DELETE ON admin
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
            VALUES ('admin', OLD.code, 'delete', date('now'), 'external', 'external edit');
        END
        """,
    ]

    /// v9: the outside-edit triggers write a feature's properties as every
    /// other producer does (`Layer.propertiesJSONSQL`): the members of
    /// `extra` spliced in as stored, where v5's merge patch dropped the nulls
    /// inside an extra property's value.
    static let v9Triggers: [String] = [
        "DROP TRIGGER landreg_insert_risk_plots",
        """
        CREATE TRIGGER landreg_insert_risk_plots AFTER INSERT ON risk_plots
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('risk-plots', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_risk_plots",
        """
        CREATE TRIGGER landreg_update_risk_plots AFTER UPDATE ON risk_plots
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('risk-plots', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'stage', NEW."stage", 'name', NEW."name", 'former_use', NEW."former_use", 'toxic_history', CASE NEW."toxic_history" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'enterprise', NEW."enterprise", 'town', NEW."town", 'stage_date', NEW."stage_date")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_farmland",
        """
        CREATE TRIGGER landreg_insert_farmland AFTER INSERT ON farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('farmland', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_farmland",
        """
        CREATE TRIGGER landreg_update_farmland AFTER UPDATE ON farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('farmland', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'class', NEW."class", 'town', NEW."town", 'crop', NEW."crop")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_basic_farmland",
        """
        CREATE TRIGGER landreg_insert_basic_farmland AFTER INSERT ON basic_farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('basic-farmland', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_basic_farmland",
        """
        CREATE TRIGGER landreg_update_basic_farmland AFTER UPDATE ON basic_farmland
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('basic-farmland', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'concentrated', CASE NEW."concentrated" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END)) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_water_zones",
        """
        CREATE TRIGGER landreg_insert_water_zones AFTER INSERT ON water_zones
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('water-zones', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_water_zones",
        """
        CREATE TRIGGER landreg_update_water_zones AFTER UPDATE ON water_zones
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('water-zones', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'level', NEW."level", 'source', NEW."source", 'source_type', NEW."source_type")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_rivers",
        """
        CREATE TRIGGER landreg_insert_rivers AFTER INSERT ON rivers
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('rivers', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_rivers",
        """
        CREATE TRIGGER landreg_update_rivers AFTER UPDATE ON rivers
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('rivers', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_sections",
        """
        CREATE TRIGGER landreg_insert_sections AFTER INSERT ON sections
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('sections', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_sections",
        """
        CREATE TRIGGER landreg_update_sections AFTER UPDATE ON sections
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('sections', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'target_class', NEW."target_class", 'river', NEW."river", 'assessed_by', NEW."assessed_by")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_outfalls",
        """
        CREATE TRIGGER landreg_insert_outfalls AFTER INSERT ON outfalls
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('outfalls', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_outfalls",
        """
        CREATE TRIGGER landreg_update_outfalls AFTER UPDATE ON outfalls
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('outfalls', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'type', NEW."type", 'name', NEW."name", 'river', NEW."river", 'status', NEW."status")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_enterprises",
        """
        CREATE TRIGGER landreg_insert_enterprises AFTER INSERT ON enterprises
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('enterprises', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_enterprises",
        """
        CREATE TRIGGER landreg_update_enterprises AFTER UPDATE ON enterprises
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('enterprises', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'name', NEW."name", 'key_supervised', CASE NEW."key_supervised" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'air_emitting', CASE NEW."air_emitting" WHEN 1 THEN json('true') WHEN 0 THEN json('false') END, 'permit_status', NEW."permit_status", 'permit_date', NEW."permit_date")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_insert_admin",
        """
        CREATE TRIGGER landreg_insert_admin AFTER INSERT ON admin
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('admin', NEW.code, 'insert', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'kind', NEW."kind", 'name', NEW."name")) AS c)), NEW.geom);
        END
        """,
        "DROP TRIGGER landreg_update_admin",
        """
        CREATE TRIGGER landreg_update_admin AFTER UPDATE ON admin
        WHEN (SELECT active FROM landreg_writer) = 0
        BEGIN
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES ('admin', NEW.code, 'update', date('now'), 'external', 'external edit', (SELECT rtrim(c, '}') || CASE WHEN NEW.extra IS NULL OR length(NEW.extra) <= 2 THEN '}' WHEN c = '{}' THEN substr(NEW.extra, 2) ELSE ',' || substr(NEW.extra, 2) END FROM (SELECT json_patch('{}', json_object('code', NEW."code", 'kind', NEW."kind", 'name', NEW."name")) AS c)), NEW.geom);
        END
        """,
    ]

    /// v6: monitoring values and targets with the imports that brought them
    /// (a value replaced by an upsert is kept in `monitoring_replaced`),
    /// discharge limits and remedies — both append-only: the latest row wins.
    static let v6Tables: [String] = [
        """
        CREATE TABLE monitor_imports (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            mode TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            replaced INTEGER NOT NULL DEFAULT 0,
            recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            recorded_by TEXT NOT NULL)
        """,
        """
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
            UNIQUE (site, kind, date, parameter))
        """,
        "CREATE INDEX monitoring_month ON monitoring(month, kind)",
        """
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
            replaced_by INTEGER NOT NULL REFERENCES monitor_imports(id))
        """,
        """
        CREATE TABLE discharge_limits (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            parameter TEXT NOT NULL,
            minimum REAL,
            maximum REAL,
            recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            recorded_by TEXT NOT NULL,
            note TEXT)
        """,
        """
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
            recorded_by TEXT NOT NULL)
        """,
        "CREATE INDEX remedies_outfall ON remedies(outfall)",
        """
        CREATE TRIGGER discharge_limits_append_only_update BEFORE UPDATE ON discharge_limits
        BEGIN SELECT RAISE(ABORT, 'discharge limits are append-only'); END
        """,
        """
        CREATE TRIGGER discharge_limits_append_only_delete BEFORE DELETE ON discharge_limits
        BEGIN SELECT RAISE(ABORT, 'discharge limits are append-only'); END
        """,
        """
        CREATE TRIGGER remedies_append_only_update BEFORE UPDATE ON remedies
        BEGIN SELECT RAISE(ABORT, 'remedies are append-only'); END
        """,
        """
        CREATE TRIGGER remedies_append_only_delete BEFORE DELETE ON remedies
        BEGIN SELECT RAISE(ABORT, 'remedies are append-only'); END
        """,
    ]
}
