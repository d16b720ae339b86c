-- The twelve rules of landreg's contract (§5) as a GIS engineer writes them
-- in PostGIS, for the check benchmark (Tools/bench/check): the anchor landreg
-- is measured against. Each layer's intersecting (proposal, feature) pairs
-- are found once, with their intersection area, in a MATERIALIZED CTE that
-- every rule of that layer reads; distances are computed only for the
-- distance rules, only for the proposals and features those rules concern,
-- and only for pairs that do not overlap; attribute conditions come before
-- geometry. Same tables, same output as check-postgis.sql (the plain
-- statement): rule, proposal id, feature code, overlap m², distance m.
WITH p AS MATERIALIZED (
  SELECT id, use, COALESCE(action, 'use_change') AS action,
         COALESCE(air_polluting, false) AS air, COALESCE(discharges, false) AS dis,
         COALESCE(food_crops, false) AS food,
         COALESCE(soil_polluting, use LIKE '1001%' OR use LIKE '1002%' OR use LIKE '110103%', false) AS soil,
         COALESCE(use LIKE '07%' OR use LIKE '08%', false) AS sens,
         ST_Dimension(geom) = 2 AS areal, geom
  FROM proposals),
rp AS MATERIALIZED (
  SELECT p.id, r.code, r.stage, COALESCE(r.toxic_history, false) AS toxic, p.sens, p.use, p.action,
         CASE WHEN p.areal THEN ST_Area(ST_Intersection(p.geom, r.geom)) ELSE 0 END AS area, p.areal
  FROM p JOIN risk_plots r ON ST_Intersects(p.geom, r.geom)),
rpo AS MATERIALIZED (SELECT *, NOT areal OR area > 1 AS ov FROM rp),
seq AS (
  SELECT p.id, r.code, ST_Distance(p.geom, r.geom) AS dist
  FROM p JOIN risk_plots r ON r.stage IN ('listed', 'remediating') AND ST_DWithin(p.geom, r.geom, 500)
  WHERE p.sens AND NOT EXISTS (SELECT 1 FROM rpo WHERE rpo.id = p.id AND rpo.code = r.code AND rpo.ov)),
bf AS MATERIALIZED (
  SELECT p.id, b.code, COALESCE(b.concentrated, false) AS conc, p.use, p.soil,
         CASE WHEN p.areal THEN ST_Area(ST_Intersection(p.geom, b.geom)) ELSE 0 END AS area, p.areal
  FROM p JOIN basic_farmland b ON ST_Intersects(p.geom, b.geom)),
bfo AS MATERIALIZED (SELECT *, NOT areal OR area > 1 AS ov FROM bf),
near AS (
  SELECT p.id, b.code, ST_Distance(p.geom, b.geom) AS dist
  FROM p JOIN basic_farmland b ON b.concentrated AND ST_DWithin(p.geom, b.geom, 1000)
  WHERE p.soil AND NOT EXISTS (SELECT 1 FROM bfo WHERE bfo.id = p.id AND bfo.code = b.code AND bfo.ov)),
fl AS (
  SELECT p.id, f.code, CASE WHEN p.areal THEN ST_Area(ST_Intersection(p.geom, f.geom)) ELSE 0 END AS area, p.areal
  FROM p JOIN farmland f ON f."class" = 'strict' AND ST_Intersects(p.geom, f.geom) WHERE p.food),
wz AS MATERIALIZED (
  SELECT p.id, w.code, w.level, p.action, p.use, p.dis,
         CASE WHEN p.areal THEN ST_Area(ST_Intersection(p.geom, w.geom)) ELSE 0 END AS area, p.areal
  FROM p JOIN water_zones w ON ST_Intersects(p.geom, w.geom)
  WHERE p.action IN ('new_outfall', 'new_project') OR p.dis),
wzo AS MATERIALIZED (SELECT *, NOT areal OR area > 1 AS ov FROM wz)
SELECT 'soil.listed', id, code, area, 0 FROM rpo WHERE ov AND stage IN ('listed', 'remediating')
UNION ALL SELECT 'soil.investigation-required', id, code, area, 0 FROM rpo WHERE ov AND sens AND stage IN ('suspected', 'investigating', 'contaminated')
UNION ALL SELECT 'soil.sequencing', id, code, 0, dist FROM seq
UNION ALL SELECT 'soil.toxic-reclamation', id, code, area, 0 FROM rpo WHERE ov AND toxic AND (action = 'reclamation' OR use LIKE '01%')
UNION ALL SELECT 'farmland.basic', id, code, area, 0 FROM bfo WHERE ov AND use IS NOT NULL AND use NOT LIKE '01%'
UNION ALL SELECT 'farmland.polluting-project', id, code, area, 0 FROM bfo WHERE ov AND soil AND conc
UNION ALL SELECT 'farmland.polluting-project', id, code, 0, dist FROM near
UNION ALL SELECT 'farmland.strict-food', id, code, area, 0 FROM fl WHERE NOT areal OR area > 1
UNION ALL SELECT 'air.county-seat-20km', p.id, a.code, 0, ST_Distance(p.geom, a.geom) FROM p JOIN admin a ON a.kind = 'county_seat' AND ST_DWithin(p.geom, a.geom, 20000) WHERE p.air
UNION ALL SELECT 'water.outfall-in-zone', id, code, area, 0 FROM wzo WHERE ov AND action = 'new_outfall' AND level IN ('first', 'second')
UNION ALL SELECT 'water.first-zone', id, code, area, 0 FROM wzo WHERE ov AND action = 'new_project' AND level = 'first' AND (use IS NULL OR use NOT LIKE '1301%')
UNION ALL SELECT 'water.second-zone-discharge', id, code, area, 0 FROM wzo WHERE ov AND dis AND level = 'second'
UNION ALL SELECT 'water.quasi-zone-discharge', id, code, area, 0 FROM wzo WHERE ov AND dis AND level = 'quasi'
