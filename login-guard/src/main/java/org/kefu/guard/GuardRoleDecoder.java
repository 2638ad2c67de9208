package org.kefu.guard;

import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.authz.RoleDecoder;
import org.wildfly.security.authz.Roles;

import java.util.HashSet;
import java.util.Set;

/**
 * KefuDomain's role decoder ({@code custom-role-decoder}): the identity's roles from the realm's
 * Roles attribute, unless the guard refuses this account from this address (delay, lock, blocked
 * address): then the only role is {@link #REFUSED}, which the domain's permission mapper gives no
 * LoginPermission, so even the right password does not get in. Runs on every authorization,
 * so a blocked address also loses the sessions it has.
 */
public class GuardRoleDecoder implements RoleDecoder {

    public static final String REFUSED = "kefu-refused";

    @Override
    public Roles decodeRoles(AuthorizationIdentity identity) {
        String login = identity.getAttributes().getFirst(KefuRealm.LOGIN_ATTRIBUTE);
        String source = identity.getRuntimeAttributes().getFirst(KefuRealm.SOURCE_ADDRESS);
        if (source == null) {
            source = FormLogin.source();
        }
        if (source == null) {
            source = CallerAddress.get();
        }
        if (login != null && source != null && LoginGuard.get().check(login, source).refuses()) {
            return Roles.of(REFUSED);
        }
        Set<String> roles = new HashSet<>(identity.getAttributes().get(KefuRealm.ROLES_ATTRIBUTE));
        roles.remove(REFUSED);
        return Roles.fromSet(roles);
    }
}
