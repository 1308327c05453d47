package io.guoziyun.commons.firm;

/**
 * Unified Social Credit Code (统一社会信用代码) as defined by GB 32100-2015: 18 characters from a 31-character
 * alphabet, the last one a check character over the first seventeen.
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {}

    /** The full code for its first 17 characters: appends the GB 32100-2015 check character. */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not in the USCC alphabet: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** True when {@code code} is 18 characters of the alphabet, digits in positions 3–8, and the right check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false;
            }
        }
        for (int i = 0; i < 17; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return withCheckCharacter(code.substring(0, 17)).equals(code);
    }
}
