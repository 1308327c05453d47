package io.guoziyun.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",x,\n"));
        CsvRecords.Record first = csv.next();
        assertEquals(1, first.line());
        assertEquals(List.of("a", "b,c", "say \"hi\""), first.fields());
        CsvRecords.Record second = csv.next();
        assertEquals(3, second.line());
        assertEquals(List.of("two\nlines", "x", ""), second.fields());
        assertNull(csv.next());
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("ok\n\"abc\"def,x\n"));
        assertEquals(List.of("ok"), csv.next().fields());
        CsvRecords.MalformedCsv e = assertThrows(CsvRecords.MalformedCsv.class, csv::next);
        assertEquals(2, e.line());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldOrAnUnclosedQuoteIsMalformed() {
        assertThrows(CsvRecords.MalformedCsv.class, () -> new CsvRecords(new StringReader("ab\"c,d\n")).next());
        assertThrows(CsvRecords.MalformedCsv.class, () -> new CsvRecords(new StringReader("\"abc,d\n")).next());
    }

    @Test
    void aFieldLongerThanTheCapIsMalformedNotHeld() {
        String huge = "x".repeat(CsvRecords.MAX_FIELD_LENGTH + 10);
        assertThrows(CsvRecords.MalformedCsv.class, () -> new CsvRecords(new StringReader(huge + ",y\n")).next());
        assertThrows(
                CsvRecords.MalformedCsv.class, () -> new CsvRecords(new StringReader("\"" + huge + "\",y\n")).next());
    }
}
