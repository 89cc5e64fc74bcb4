-- The reference schema of the JDBC repository, in standard SQL that H2 and PostgreSQL accept.
-- Statements are separated by semicolons at the end of a line.

CREATE TABLE ae_workflow (
  id VARCHAR(255) PRIMARY KEY,
  name VARCHAR(4000) NOT NULL
);

-- The workflow's attributes, in display order.
CREATE TABLE ae_attribute_definition (
  workflow_id VARCHAR(255) NOT NULL REFERENCES ae_workflow (id),
  position INTEGER NOT NULL,
  name VARCHAR(4000) NOT NULL,
  type VARCHAR(16) NOT NULL,
  PRIMARY KEY (workflow_id, position)
);

CREATE TABLE ae_data_source (
  id VARCHAR(255) PRIMARY KEY,
  workflow_id VARCHAR(255) NOT NULL REFERENCES ae_workflow (id),
  name VARCHAR(4000) NOT NULL
);

CREATE TABLE ae_workflow_order (
  id VARCHAR(255) PRIMARY KEY,
  workflow_id VARCHAR(255) NOT NULL REFERENCES ae_workflow (id),
  name VARCHAR(4000) NOT NULL
);

-- seq is the stable order of files; content holds the bytes, or content_path a path relative to the
-- repository's media folder; neither means no content.
CREATE TABLE ae_file (
  seq BIGINT PRIMARY KEY,
  id VARCHAR(255) NOT NULL UNIQUE,
  workflow_id VARCHAR(255) NOT NULL REFERENCES ae_workflow (id),
  external_id VARCHAR(4000) NOT NULL,
  file_name VARCHAR(4000) NOT NULL,
  media_type VARCHAR(255),
  data_source_id VARCHAR(255) NOT NULL,
  order_id VARCHAR(255),
  content BYTEA,
  content_path VARCHAR(4000)
);
CREATE INDEX ae_file_workflow ON ae_file (workflow_id, seq);

CREATE TABLE ae_assessment (
  file_id VARCHAR(255) NOT NULL REFERENCES ae_file (id),
  id VARCHAR(255) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  step VARCHAR(4000),
  assessor VARCHAR(4000),
  assessed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (file_id, id)
);

-- location holds the polygon's points as "x y;x y;…" in Java's number syntax (NaN allowed);
-- NULL for a file-level entity, the empty string for a polygon without points.
CREATE TABLE ae_entity (
  file_id VARCHAR(255) NOT NULL,
  assessment_id VARCHAR(255) NOT NULL,
  position INTEGER NOT NULL,
  id VARCHAR(255) NOT NULL,
  label VARCHAR(4000),
  location VARCHAR(100000),
  location_confidence DOUBLE PRECISION,
  PRIMARY KEY (file_id, assessment_id, position),
  FOREIGN KEY (file_id, assessment_id) REFERENCES ae_assessment (file_id, id)
);

-- One row per value; text_value holds text, and choices as a JSON array of strings.
CREATE TABLE ae_attribute_value (
  file_id VARCHAR(255) NOT NULL,
  assessment_id VARCHAR(255) NOT NULL,
  entity_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name VARCHAR(4000) NOT NULL,
  type VARCHAR(16) NOT NULL,
  text_value VARCHAR(100000),
  number_value DOUBLE PRECISION,
  bool_value BOOLEAN,
  confidence DOUBLE PRECISION,
  PRIMARY KEY (file_id, assessment_id, entity_position, position),
  FOREIGN KEY (file_id, assessment_id, entity_position) REFERENCES ae_entity (file_id, assessment_id, position)
);
