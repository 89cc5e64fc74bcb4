-- The long layout's rows, one per location and per attribute value, as a user would write them
-- over the reference schema (docs/jdbc-repository/.../schema.sql) for psql's \copy or a Python
-- cursor. The columns and rows are the long layout's; the cells are the database's own text
-- (polygons as stored, numbers as PostgreSQL prints them), not the exporter's formatting.
SELECT f.workflow_id, w.name, f.order_id, o.name, f.data_source_id, d.name,
       f.id, f.external_id, f.file_name,
       a.id, lower(a.kind), a.step, a.assessor,
       to_char(a.assessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       e.id, e.label, x.attribute, x.value, x.confidence
FROM ae_file f
JOIN ae_workflow w ON w.id = f.workflow_id
LEFT JOIN ae_workflow_order o ON o.id = f.order_id
JOIN ae_data_source d ON d.id = f.data_source_id
JOIN ae_assessment a ON a.file_id = f.id
JOIN ae_entity e ON e.file_id = a.file_id AND e.assessment_id = a.id
JOIN LATERAL (
  SELECT 'location' AS attribute, e.location AS value, e.location_confidence AS confidence,
         -1 AS position
  WHERE e.location IS NOT NULL
  UNION ALL
  SELECT v.name, COALESCE(v.text_value, v.number_value::text, v.bool_value::text), v.confidence,
         v.position
  FROM ae_attribute_value v
  WHERE v.file_id = e.file_id AND v.assessment_id = e.assessment_id
    AND v.entity_position = e.position
) x ON true
WHERE f.workflow_id = 'wf-whole'
ORDER BY f.seq, a.assessed_at DESC, a.id, e.position, x.position
