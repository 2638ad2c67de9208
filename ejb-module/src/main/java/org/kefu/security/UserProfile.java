package org.kefu.security;

import java.io.Serializable;
import java.util.Set;

/** What the console shows about the logged-in person. */
public record UserProfile(String login, String displayName, Set<String> roles, String preferredLocale,
                          String extension) implements Serializable {

    public UserProfile {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
