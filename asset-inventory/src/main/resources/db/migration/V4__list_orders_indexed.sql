-- Every list reads its page from an index in the order asked for (each sort key, then the default order, then the
-- id), so that a page costs the same at any depth and any size (cursor paging, ADR 0010). ListPlansTest fails
-- on a sequential scan of these tables for any filter or sort the lists offer.
CREATE INDEX server_asset_tag_idx ON server (asset_tag, id);
CREATE INDEX server_status_idx ON server (status, asset_tag, id);
CREATE INDEX server_acquired_idx ON server (acquired_on, asset_tag, id);
CREATE INDEX server_site_idx ON server (site_code, asset_tag, id);
CREATE INDEX server_created_idx ON server (created_at, asset_tag, id);

CREATE INDEX inventory_finding_detected_idx ON inventory_finding (detected_on DESC, id);
DROP INDEX inventory_finding_rule_idx;
CREATE INDEX inventory_finding_rule_idx ON inventory_finding (rule, detected_on DESC, id);
DROP INDEX inventory_finding_firm_idx;
CREATE INDEX inventory_finding_firm_idx ON inventory_finding (firm_id, detected_on DESC, id);
CREATE INDEX inventory_finding_severity_idx ON inventory_finding (severity, detected_on DESC, id);
CREATE INDEX inventory_finding_subject_type_idx ON inventory_finding (subject_type, detected_on DESC, id);
CREATE INDEX inventory_finding_subject_idx ON inventory_finding (subject_id);
