package io.guoziyun.commons.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    enum Sector {
        E_COMMERCE,
        FINANCE
    }

    record Filing(
            long users,
            int racks,
            Integer servers,
            boolean core,
            double share,
            String name,
            Sector sector,
            LocalDate on) {}

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static final String GOOD = """
            {"users": 2500000, "racks": 40, "servers": 3, "core": false, "share": 1.5, "name": "A", "sector": "FINANCE",
             "on": "2022-09-30"}""";

    @Test
    void aWellTypedFilingIsReadAsWritten() throws Exception {
        Filing filing = mapper.readValue(GOOD, Filing.class);
        assertEquals(new Filing(2500000, 40, 3, false, 1.5, "A", Sector.FINANCE, LocalDate.of(2022, 9, 30)), filing);
        // an integer where a decimal is expected loses nothing, so it stays allowed
        assertEquals(
                2.0, mapper.readValue(GOOD.replace("1.5", "2"), Filing.class).share());
    }

    @Test
    void everyGuessJacksonWouldMakeIsRefused() {
        for (String wrong : List.of(
                GOOD.replace("2500000", "2500000.9"),
                GOOD.replace("2500000", "\"2500000\""),
                GOOD.replace("\"servers\": 3", "\"servers\": 3.2"),
                GOOD.replace("\"servers\": 3", "\"servers\": \"3\""),
                GOOD.replace("40", "null"),
                GOOD.replace("false", "\"false\""),
                GOOD.replace("false", "0"),
                GOOD.replace("1.5", "\"1.5\""),
                GOOD.replace("\"A\"", "42"),
                GOOD.replace("\"A\"", "true"),
                GOOD.replace("\"FINANCE\"", "1"),
                GOOD.replace("\"2022-09-30\"", "19265"))) {
            assertThrows(JsonProcessingException.class, () -> mapper.readValue(wrong, Filing.class), wrong);
        }
    }
}
