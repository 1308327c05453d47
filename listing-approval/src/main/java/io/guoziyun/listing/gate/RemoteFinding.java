package io.guoziyun.listing.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A finding as contract-registry and asset-inventory answer it; only what the gate keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
@org.eclipse.microprofile.openapi.annotations.media.Schema(
        name = "SeenFinding",
        description = "A finding as the gate saw it in its service")
public record RemoteFinding(
        UUID id,
        String rule,
        String severity,
        String firmId,
        UUID subjectId,
        LocalDate detectedOn,
        LocalDate deadline) {

    /** One page of findings, as both services page their lists: the cursor of the next, absent on the last. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<RemoteFinding> items, String nextCursor) {}
}
