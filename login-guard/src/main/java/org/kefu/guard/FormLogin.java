package org.kefu.guard;

import java.util.function.Supplier;

/**
 * The console's own sign-in form calls {@code HttpServletRequest.login}, which Elytron runs
 * without the caller's address and without a failure event. The form therefore reports its
 * attempts itself ({@link Attempts}), and marks the thread meanwhile so that the realm does not
 * count the same attempt a second time.
 */
public final class FormLogin {

    private static final ThreadLocal<String> SOURCE = new ThreadLocal<>();

    private FormLogin() {
    }

    /** Runs the programmatic login with the caller's address known to the realm. */
    public static <T> T during(String source, Supplier<T> login) {
        SOURCE.set(LoginGuard.normalize(source));
        try {
            return login.get();
        } finally {
            SOURCE.remove();
        }
    }

    /** The address of the form attempt running on this thread, or null. */
    static String source() {
        return SOURCE.get();
    }
}
