package io.guoziyun.console;

import io.guoziyun.commons.testing.ArchitectureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The console keeps the suite's rules too: no file over the size a reader holds in mind. */
class ArchitectureTest {

    @Test
    void filesStaySmall() {
        ArchitectureRules.check("io.guoziyun.console", Path.of("src/main/java"));
    }
}
