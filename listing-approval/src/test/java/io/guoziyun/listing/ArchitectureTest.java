package io.guoziyun.listing;

import io.guoziyun.commons.testing.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service keeps the layers of docs/ARCHITECTURE.md (rules in commons' ArchitectureRules). */
class ArchitectureTest {

    @Test
    void resourcesAreThinEntitiesDecideAndFilesStaySmall() {
        ArchitectureRules.check("io.guoziyun.listing", Path.of("src/main/java"));
    }
}
