package io.guoziyun.inventory.finding;

import io.guoziyun.commons.finding.FindingRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A finding AI-1 (site) or AI-2 (server), dated by the data it was decided on; written by set-based SQL. */
@Entity
public class InventoryFinding extends FindingRecord {

    @Column(name = "subject_type")
    public String subjectType;

    @Override
    public String subjectType() {
        return subjectType;
    }
}
