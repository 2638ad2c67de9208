package org.kefu.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Someone who logs in: an agent by job number (工号), or a system user such as the back office.
 * The password hash is read by the Elytron JDBC realm; the application never sees a password.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @Column(name = "login", length = 32)
    private String login;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private UserStatus status = UserStatus.ACTIVE;

    @Column(name = "preferred_locale", length = 16)
    private String preferredLocale;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "login"))
    @Column(name = "role_name", length = 32)
    private Set<String> roles = new HashSet<>();

    protected AppUser() {
    }

    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public UserStatus getStatus() {
        return status;
    }

    public void setStatus(UserStatus status) {
        this.status = status;
    }

    public String getPreferredLocale() {
        return preferredLocale;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    /** A successful login (or an unlock) clears the failure count. */
    public void loggedIn(Instant when) {
        this.failedLogins = 0;
        this.lastLoginAt = when;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }
}
