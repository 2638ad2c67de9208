package org.kefu.crm;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The 18-character PRC resident identity number (GB 11643-1999): 6-digit region code, birth date
 * yyyyMMdd, 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentIdNumber() {
    }

    /** Spaces removed, a lower-case x made upper-case: how people type it, how we store it. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    /** Null when valid; else the problem code: idNumber.format, idNumber.birthDate or idNumber.checksum. */
    public static String problem(String normalized) {
        if (normalized == null || !normalized.matches("[1-9][0-9]{16}[0-9X]")) {
            return "idNumber.format";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(normalized.substring(6, 10)),
                    Integer.parseInt(normalized.substring(10, 12)), Integer.parseInt(normalized.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return "idNumber.birthDate";
            }
        } catch (DateTimeException e) {
            return "idNumber.birthDate";
        }
        return normalized.charAt(17) == checkCharacter(normalized) ? null : "idNumber.checksum";
    }

    public static boolean isValid(String raw) {
        return problem(normalize(raw)) == null;
    }

    /** The check character for the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
