package io.guoziyun.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTextTest {

    private final PolicyText text = new PolicyText(new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(
                    Map.of(
                            "guoziyun.review.stages.initial-review", "30",
                            "guoziyun.review.blocking-rules", "CR-1,CR-3,AI-2"),
                    "policy",
                    100))
            .build());

    @Test
    void aPlaceholderReadsThePolicyInForce() {
        assertEquals(
                "the initial review clock (30 working days) starts",
                text.fill("the initial review clock ({policy:guoziyun.review.stages.initial-review} working days)"
                        + " starts"));
        assertEquals(
                "while any of CR-1, CR-3, AI-2 is open",
                text.fill("while any of {policy:guoziyun.review.blocking-rules} is open"));
    }

    @Test
    void textWithoutPlaceholdersIsLeftAlone() {
        assertEquals("Role: firm.", text.fill("Role: firm."));
        assertEquals(null, text.fill(null));
    }

    @Test
    void aPlaceholderWithoutAPolicyStopsTheStartRatherThanPublishingIt() {
        assertThrows(IllegalStateException.class, () -> text.fill("{policy:guoziyun.review.nothing}"));
    }
}
