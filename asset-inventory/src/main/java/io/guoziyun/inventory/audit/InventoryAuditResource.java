package io.guoziyun.inventory.audit;

import io.guoziyun.commons.audit.AuditResource;
import io.guoziyun.commons.audit.AuditTrail;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inventory-audit")
@Tag(name = "Audit", description = "The asset inventory's hash-chained audit log")
public class InventoryAuditResource extends AuditResource {

    public InventoryAuditResource(AuditTrail trail) {
        super(trail);
    }
}
