package org.kefu.security;

/**
 * Audit fields may hold what an attacker typed (a login name): keep them printable and bounded
 * so the trail cannot be forged with line breaks or blown up with megabytes.
 */
final class AuditText {

    private AuditText() {
    }

    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && b.length() < max; i++) {
            char c = value.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
