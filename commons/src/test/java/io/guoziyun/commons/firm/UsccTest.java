package io.guoziyun.commons.firm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91110108MA01B2C344",
                "91310115MA1K00007Q",
                "92440300MA5F7T2Q2G",
                "12100000400000122T",
                "51330100MJ8765H48L"
            })
    void acceptsCodesWithTheRightCheckCharacter(String code) {
        assertTrue(Uscc.isValid(code), code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "91110108MA01B2C345", // wrong check character
                "91310115MAK100007Q", // two characters swapped
                "9111000060003IOZSV", // I, O, Z, S, V are not in the alphabet
                "92440300MA5F7T2Q2", // 17 characters
                "92440300MA5F7T2Q2GX", // 19 characters
                "91110108ma01b2c344", // lower case is not the code
                "91A10108MA01B2C344" // division code must be digits
            })
    void refusesAnythingElse(String code) {
        assertFalse(Uscc.isValid(code), String.valueOf(code));
    }
}
