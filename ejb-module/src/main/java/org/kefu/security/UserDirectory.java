package org.kefu.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Looks up the logged-in caller; deliberately offers no way to read someone else's profile. */
@Stateless
@PermitAll
public class UserDirectory {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private EJBContext context;

    @EJB
    private DeskExtensions desks;

    public Optional<UserProfile> currentUser() {
        String login = context.getCallerPrincipal().getName();
        AppUser user = em.find(AppUser.class, login);
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(new UserProfile(user.getLogin(), user.getDisplayName(), user.getRoles(),
                user.getPreferredLocale(), desks.extensionOf(login)));
    }
}
