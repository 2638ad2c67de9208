package org.kefu.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The login named by an HTTP BASIC Authorization header (never its password). */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    public static String login(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
