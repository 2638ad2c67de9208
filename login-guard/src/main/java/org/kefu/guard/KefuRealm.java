package org.kefu.guard;

import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.auth.server.event.RealmEvent;
import org.wildfly.security.auth.server.event.RealmFailedAuthenticationEvent;
import org.wildfly.security.auth.server.event.RealmSuccessfulAuthenticationEvent;
import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.authz.MapAttributes;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.Principal;
import java.security.spec.AlgorithmParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * KefuDomain's realm (Elytron {@code custom-realm}): users and roles from KefuDS (table app_user,
 * bcrypt hashes in modular crypt form; role rows in app_user_role), exactly as the JDBC realm
 * read them before, plus the guard: every HTTP mechanism and SASL (remote EJB) reports its
 * outcome to this realm as a realm event carrying the caller's address, so that one count and one
 * audit trail cover every door. A correct password the guard refuses is stopped by
 * {@link GuardRoleDecoder}.
 */
public class KefuRealm implements SecurityRealm {

    /** The login, as an attribute, so that the role decoder knows whose attempt it decides. */
    static final String LOGIN_ATTRIBUTE = "Login";
    static final String ROLES_ATTRIBUTE = "Roles";
    static final String SOURCE_ADDRESS = "Source-Address";

    /** The outcome of the last password check on this thread: "login\ntrue|false". */
    private static final ThreadLocal<String> LAST_CHECK = new ThreadLocal<>();

    private JdbcAudit store = new JdbcAudit("java:jboss/datasources/KefuDS");

    private final VerifiedPasswords verified = VerifiedPasswords.fromSystemProperties();

    /** Called by Elytron with the custom-realm's configuration: {@code data-source} (JNDI name). */
    public void initialize(Map<String, String> configuration) {
        String ds = configuration.get("data-source");
        if (ds != null && !ds.isBlank()) {
            store = new JdbcAudit(ds.strip());
        }
        LoginGuard.get().setAudit(store);
    }

    @Override
    public RealmIdentity getRealmIdentity(Principal principal) {
        return principal == null ? RealmIdentity.NON_EXISTENT : new Identity(principal);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> type, String algorithm,
                                                    AlgorithmParameterSpec parameters) {
        return SupportLevel.UNSUPPORTED;
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> type, String algorithm) {
        return PasswordGuessEvidence.class.isAssignableFrom(type) ? SupportLevel.SUPPORTED : SupportLevel.UNSUPPORTED;
    }

    @Override
    public void handleRealmEvent(RealmEvent event) {
        if (FormLogin.source() != null) {
            LAST_CHECK.remove();
            return; // the console form reports its own attempt
        }
        if (event instanceof RealmFailedAuthenticationEvent failed) {
            Identity id = unwrap(failed.getRealmIdentity());
            String login = login(failed.getRealmIdentity());
            if (login == null) {
                return;
            }
            String source = sourceOf(failed.getRealmIdentity());
            String check = LAST_CHECK.get();
            LAST_CHECK.remove();
            LoginGuard guard = LoginGuard.get();
            if ((login + "\ntrue").equals(check)) {
                // The password was right: the guard (or the permission mapper) refused it.
                LoginGuard.Decision d = guard.check(login, source);
                Attempts.refused(guard, login, source, null, d.refuses() ? d
                        : new LoginGuard.Decision(LoginGuard.Verdict.LOCKED, 0));
                return;
            }
            boolean known = id == null ? exists(failed.getRealmIdentity()) : id.user() != null;
            String reason = id != null && id.user() != null && !"ACTIVE".equals(id.user().status)
                    ? "account " + id.user().status : null;
            Attempts.failed(guard, login, source, null, known, reason);
        } else if (event instanceof RealmSuccessfulAuthenticationEvent ok) {
            LAST_CHECK.remove();
            String login = login(ok.getRealmIdentity());
            if (login != null) {
                Attempts.succeeded(LoginGuard.get(), login, sourceOf(ok.getRealmIdentity()), null, false);
            }
        }
    }

    static String sourceOf(RealmIdentity identity) {
        try {
            AuthorizationIdentity authz = identity.getAuthorizationIdentity();
            String s = authz == null ? null : authz.getRuntimeAttributes().getFirst(SOURCE_ADDRESS);
            return s != null ? s : CallerAddress.get();
        } catch (RealmUnavailableException | RuntimeException e) {
            return CallerAddress.get();
        }
    }

    private static String login(RealmIdentity identity) {
        Principal p = identity.getRealmIdentityPrincipal();
        return p == null ? null : p.getName();
    }

    private static boolean exists(RealmIdentity identity) {
        try {
            return identity.exists();
        } catch (RealmUnavailableException e) {
            return false;
        }
    }

    private static Identity unwrap(RealmIdentity identity) {
        return identity instanceof Identity i ? i : null;
    }

    record User(String hash, String status, List<String> roles) {
    }

    private final class Identity implements RealmIdentity {
        private final Principal principal;
        private User user;
        private boolean loaded;

        Identity(Principal principal) {
            this.principal = principal;
        }

        User user() {
            if (!loaded) {
                try {
                    user = load(principal.getName());
                } catch (SQLException e) {
                    throw new IllegalStateException("KefuRealm: users cannot be read from KefuDS: " + e.getMessage(), e);
                }
                loaded = true;
            }
            return user;
        }

        @Override
        public Principal getRealmIdentityPrincipal() {
            return principal;
        }

        @Override
        public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> type, String algorithm,
                                                        AlgorithmParameterSpec parameters) {
            return SupportLevel.UNSUPPORTED;
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> type) {
            return null;
        }

        @Override
        public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> type, String algorithm) throws RealmUnavailableException {
            return KefuRealm.this.getEvidenceVerifySupport(type, algorithm);
        }

        @Override
        public boolean verifyEvidence(Evidence evidence) throws RealmUnavailableException {
            boolean ok = false;
            try {
                if (evidence instanceof PasswordGuessEvidence guess) {
                    User u = userOrUnavailable();
                    if (u != null && "ACTIVE".equals(u.status)) {
                        String login = principal.getName();
                        ok = verified.confirms(login, u.hash, guess.getGuess());
                        if (!ok) {
                            Password stored = ModularCrypt.decode(u.hash);
                            PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(),
                                    WildFlyElytronPasswordProvider.getInstance());
                            ok = factory.verify(factory.translate(stored), guess.getGuess());
                            if (ok) {
                                verified.remember(login, u.hash, guess.getGuess());
                            }
                        }
                    }
                }
            } catch (RealmUnavailableException e) {
                throw e;
            } catch (Exception e) {
                ok = false;
            }
            LAST_CHECK.set(principal.getName() + "\n" + ok);
            if (FormLogin.source() != null && ok) {
                // The console form: refuse a correct password right here when the guard says so.
                LoginGuard.Decision d = LoginGuard.get().check(principal.getName(), FormLogin.source());
                if (d.refuses()) {
                    return false;
                }
            }
            return ok;
        }

        private User userOrUnavailable() throws RealmUnavailableException {
            try {
                return user();
            } catch (IllegalStateException e) {
                throw new RealmUnavailableException(e.getMessage(), e);
            }
        }

        @Override
        public boolean exists() throws RealmUnavailableException {
            return userOrUnavailable() != null;
        }

        @Override
        public AuthorizationIdentity getAuthorizationIdentity() throws RealmUnavailableException {
            User u = userOrUnavailable();
            MapAttributes attributes = new MapAttributes();
            attributes.addLast(LOGIN_ATTRIBUTE, principal.getName());
            if (u != null) {
                for (String r : u.roles) {
                    attributes.addLast(ROLES_ATTRIBUTE, r);
                }
            }
            return AuthorizationIdentity.basicIdentity(attributes);
        }
    }

    private User load(String login) throws SQLException {
        if (login == null || login.isEmpty() || login.length() > 32) {
            return null;
        }
        try (Connection c = store.dataSource().getConnection()) {
            String hash;
            String status;
            try (PreparedStatement st = c.prepareStatement("SELECT password_hash, status FROM app_user WHERE login = ?")) {
                st.setString(1, login);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    hash = rs.getString(1);
                    status = rs.getString(2);
                }
            }
            List<String> roles = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT role_name FROM app_user_role WHERE login = ?")) {
                st.setString(1, login);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        roles.add(rs.getString(1));
                    }
                }
            }
            return new User(hash, status, roles);
        }
    }
}
