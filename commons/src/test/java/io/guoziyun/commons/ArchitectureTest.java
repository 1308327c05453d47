package io.guoziyun.commons;

import io.guoziyun.commons.testing.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** commons keeps the same layers as the services it serves. */
class ArchitectureTest {

    @Test
    void resourcesAreThinEntitiesDecideAndFilesStaySmall() {
        ArchitectureRules.check("io.guoziyun.commons", Path.of("src/main/java"));
    }
}
