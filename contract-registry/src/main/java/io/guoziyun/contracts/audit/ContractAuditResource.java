package io.guoziyun.contracts.audit;

import io.guoziyun.commons.audit.AuditResource;
import io.guoziyun.commons.audit.AuditTrail;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contract-audit")
@Tag(name = "Audit", description = "The contract registry's hash-chained audit log")
public class ContractAuditResource extends AuditResource {

    public ContractAuditResource(AuditTrail trail) {
        super(trail);
    }
}
