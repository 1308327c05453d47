package io.guoziyun.listing.audit;

import io.guoziyun.commons.audit.AuditResource;
import io.guoziyun.commons.audit.AuditTrail;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/listing-audit")
@Tag(name = "Audit", description = "listing-approval's hash-chained audit log")
public class ListingAuditResource extends AuditResource {

    public ListingAuditResource(AuditTrail trail) {
        super(trail);
    }
}
