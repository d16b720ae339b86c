SELECT type || ' ' || name || char(10) || sql || ';' FROM sqlite_master
WHERE sql IS NOT NULL AND (
  tbl_name IN ('settings','settings_log','check_runs','checks','history','permits','grdb_migrations','landreg_writer',
               'monitor_imports','monitoring','monitoring_replaced','discharge_limits','remedies','accounts','tokens','account_log',
               'risk_plots','farmland','basic_farmland','water_zones','rivers','sections','outfalls','enterprises','admin')
  OR name LIKE 'idx\_%\_geom' ESCAPE '\')
  AND name NOT LIKE 'ggi\_%' ESCAPE '\' AND name NOT LIKE 'ggu\_%' ESCAPE '\' AND name NOT LIKE 'gii\_%' ESCAPE '\'
  AND name NOT LIKE 'giu\_%' ESCAPE '\' AND name NOT LIKE 'gid\_%' ESCAPE '\' AND name NOT LIKE 'tmi\_%' ESCAPE '\'
  AND name NOT LIKE 'tmu\_%' ESCAPE '\' AND name NOT LIKE 'tmd\_%' ESCAPE '\'
ORDER BY type, name;
SELECT 'geometry_columns ' || f_table_name || ' ' || f_geometry_column || ' type ' || geometry_type || ' dims ' || coord_dimension || ' srid ' || srid || ' index ' || spatial_index_enabled FROM geometry_columns ORDER BY f_table_name;
SELECT 'setting ' || name || ' = ' || value FROM settings ORDER BY name;
SELECT 'migration ' || identifier FROM grdb_migrations ORDER BY identifier;
