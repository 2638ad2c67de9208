package org.kefu.guard;

import java.util.concurrent.Callable;

/**
 * The address of the HTTP request being authenticated on this thread. Elytron's HTTP mechanisms
 * as WildFly's Undertow integration runs them do not hand the realm the caller's address (SASL
 * does, as the runtime attribute Source-Address), so the web module's outermost handler
 * (org.kefu.web.security.GuardHandler) sets it here around the authentication.
 */
public final class CallerAddress {

    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private CallerAddress() {
    }

    public static <T> T during(String address, Callable<T> work) throws Exception {
        String before = ADDRESS.get();
        ADDRESS.set(LoginGuard.normalize(address));
        try {
            return work.call();
        } finally {
            if (before == null) {
                ADDRESS.remove();
            } else {
                ADDRESS.set(before);
            }
        }
    }

    /** The address, or null outside an HTTP request. */
    public static String get() {
        return ADDRESS.get();
    }
}
