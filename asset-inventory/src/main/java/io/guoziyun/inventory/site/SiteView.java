package io.guoziyun.inventory.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Site")
public record SiteView(
        UUID id,
        String firmId,
        String code,
        String name,
        String location,
        Ownership ownership,
        SiteStatus status,
        LocalDate constructionStartedOn,
        LocalDate commissionedOn,
        LocalDate retiredOn,
        Integer racks,
        BigDecimal powerKw,
        LocalDate createdOn) {

    static SiteView of(Site s) {
        return new SiteView(
                s.id,
                s.firmId,
                s.code,
                s.name,
                s.location,
                s.ownership,
                s.status,
                s.constructionStartedOn,
                s.commissionedOn,
                s.retiredOn,
                s.racks,
                s.powerKw,
                s.createdOn);
    }
}
