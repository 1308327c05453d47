package io.guoziyun.inventory.finding;

import io.guoziyun.commons.finding.FindingsResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inventory-findings")
@Tag(name = "Inventory findings", description = "Rules AI-1 and AI-2 of the directive, as of any date")
public class InventoryFindingResource extends FindingsResource {

    public InventoryFindingResource(InventoryFindings findings) {
        super(findings.reader(), "inventory-findings");
    }
}
