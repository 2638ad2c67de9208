package org.kefu.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * The account side of a console sign-in: last login time and the database's failure count. The
 * attempts themselves are counted and audited by the login guard (module org.kefu.guard), which
 * every door reports to.
 */
@Stateless
@PermitAll
public class LoginAudit {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    public void succeeded(String login) {
        AppUser user = em.find(AppUser.class, login);
        if (user != null) {
            user.loggedIn(Instant.now());
        }
    }

    public boolean exists(String login) {
        return login != null && login.length() <= 32 && em.find(AppUser.class, login) != null;
    }

    /** Why an existing account cannot sign in whatever the password (e.g. "account DISABLED"), or null. */
    public String refusal(String login) {
        AppUser user = login == null || login.length() > 32 ? null : em.find(AppUser.class, login);
        return user == null || user.getStatus() == UserStatus.ACTIVE ? null : "account " + user.getStatus();
    }
}
