package org.kefu.acd;

import java.util.Set;

/**
 * The outbound dial policy as the ACD asks it: the ACD owns this question and
 * {@code org.kefu.outbound.DialPolicy} answers it, so that the ACD depends on nothing above it.
 */
public interface DialCheck {

    /**
     * Checks and, for a call about to be placed, counts it against the person's daily budget.
     *
     * @throws DialRefused when refused (audited as DIAL_REFUSED)
     */
    void check(String person, Set<String> roles, String number, DialPath path, String sourceAddress);

    /**
     * The same for a number dialled while serving a call of {@code queue} (a transfer or a
     * consultation out of it): that queue's own categories, where configured, narrow the roles'.
     */
    default void check(String person, Set<String> roles, String queue, String number, DialPath path, String sourceAddress) {
        check(person, roles, number, path, sourceAddress);
    }
}
