-- The twelve rules of landreg's contract (§5) as one PostGIS statement, for
-- the check benchmark (Tools/bench/check). Tables as ogr2ogr loads them:
-- proposals, risk_plots, basic_farmland, farmland, admin, water_zones, each
-- with a GiST-indexed geometry column "geom" in EPSG:4547.
-- Output: rule, proposal id, feature code, overlap m², distance m.
WITH p AS (
  SELECT id, use, COALESCE(action, 'use_change') AS action,
         COALESCE(air_polluting, false) AS air, COALESCE(discharges, false) AS dis,
         COALESCE(food_crops, false) AS food,
         COALESCE(soil_polluting, use LIKE '1001%' OR use LIKE '1002%' OR use LIKE '110103%', false) AS soil,
         COALESCE(use LIKE '07%' OR use LIKE '08%', false) AS sens,
         ST_Dimension(geom) = 2 AS areal, geom
  FROM proposals),
rp AS (
  SELECT p.id, r.code, r.stage, COALESCE(r.toxic_history, false) AS toxic, p.sens, p.use, p.action,
         ST_Intersects(p.geom, r.geom) AS inter,
         CASE WHEN p.areal AND ST_Intersects(p.geom, r.geom) THEN ST_Area(ST_Intersection(p.geom, r.geom)) ELSE 0 END AS area,
         p.areal, ST_Distance(p.geom, r.geom) AS dist
  FROM p JOIN risk_plots r ON ST_DWithin(p.geom, r.geom, 500)),
rpo AS (SELECT *, inter AND (NOT areal OR area > 1) AS ov FROM rp),
bf AS (
  SELECT p.id, b.code, COALESCE(b.concentrated, false) AS conc, p.use, p.soil,
         ST_Intersects(p.geom, b.geom) AS inter,
         CASE WHEN p.areal AND ST_Intersects(p.geom, b.geom) THEN ST_Area(ST_Intersection(p.geom, b.geom)) ELSE 0 END AS area,
         p.areal, ST_Distance(p.geom, b.geom) AS dist
  FROM p JOIN basic_farmland b ON ST_DWithin(p.geom, b.geom, 1000)),
bfo AS (SELECT *, inter AND (NOT areal OR area > 1) AS ov FROM bf),
fl AS (
  SELECT p.id, f.code, CASE WHEN p.areal THEN ST_Area(ST_Intersection(p.geom, f.geom)) ELSE 0 END AS area, p.areal
  FROM p JOIN farmland f ON ST_Intersects(p.geom, f.geom) WHERE p.food AND f."class" = 'strict'),
wz AS (
  SELECT p.id, w.code, w.level, p.action, p.use, p.dis,
         CASE WHEN p.areal THEN ST_Area(ST_Intersection(p.geom, w.geom)) ELSE 0 END AS area, p.areal
  FROM p JOIN water_zones w ON ST_Intersects(p.geom, w.geom)),
wzo AS (SELECT *, NOT areal OR area > 1 AS ov FROM wz)
SELECT 'soil.listed', id, code, area, 0 FROM rpo WHERE ov AND stage IN ('listed', 'remediating')
UNION ALL SELECT 'soil.investigation-required', id, code, area, 0 FROM rpo WHERE ov AND sens AND stage IN ('suspected', 'investigating', 'contaminated')
UNION ALL SELECT 'soil.sequencing', id, code, 0, dist FROM rpo WHERE NOT ov AND sens AND stage IN ('listed', 'remediating') AND dist <= 500
UNION ALL SELECT 'soil.toxic-reclamation', id, code, area, 0 FROM rpo WHERE ov AND toxic AND (action = 'reclamation' OR use LIKE '01%')
UNION ALL SELECT 'farmland.basic', id, code, area, 0 FROM bfo WHERE ov AND use IS NOT NULL AND use NOT LIKE '01%'
UNION ALL SELECT 'farmland.polluting-project', id, code, CASE WHEN ov THEN area ELSE 0 END, CASE WHEN ov THEN 0 ELSE dist END FROM bfo WHERE soil AND conc AND (ov OR dist <= 1000)
UNION ALL SELECT 'farmland.strict-food', id, code, area, 0 FROM fl WHERE NOT areal OR area > 1
UNION ALL SELECT 'air.county-seat-20km', p.id, a.code, 0, ST_Distance(p.geom, a.geom) FROM p JOIN admin a ON a.kind = 'county_seat' AND ST_DWithin(p.geom, a.geom, 20000) WHERE p.air
UNION ALL SELECT 'water.outfall-in-zone', id, code, area, 0 FROM wzo WHERE ov AND action = 'new_outfall' AND level IN ('first', 'second')
UNION ALL SELECT 'water.first-zone', id, code, area, 0 FROM wzo WHERE ov AND action = 'new_project' AND level = 'first' AND (use IS NULL OR use NOT LIKE '1301%')
UNION ALL SELECT 'water.second-zone-discharge', id, code, area, 0 FROM wzo WHERE ov AND dis AND level = 'second'
UNION ALL SELECT 'water.quasi-zone-discharge', id, code, area, 0 FROM wzo WHERE ov AND dis AND level = 'quasi'
