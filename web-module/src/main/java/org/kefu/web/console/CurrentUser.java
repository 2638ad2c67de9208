package org.kefu.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.kefu.security.UserDirectory;
import org.kefu.security.UserProfile;

import java.io.IOException;
import java.io.Serializable;
import java.util.TreeSet;

/** The signed-in person, as the screens show them. */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserDirectory directory;

    @Inject
    private LocaleSelector localeSelector;

    private UserProfile profile;

    public UserProfile getProfile() {
        if (profile == null) {
            profile = directory.currentUser().orElse(null);
            if (profile != null) {
                localeSelector.useProfileLanguage(profile.preferredLocale());
            }
        }
        return profile;
    }

    public boolean isSignedIn() {
        return getProfile() != null;
    }

    public String getDisplayName() {
        UserProfile p = getProfile();
        return p == null ? "" : p.displayName();
    }

    public String getLogin() {
        UserProfile p = getProfile();
        return p == null ? "" : p.login();
    }

    /** The home extension, or null for users without one (EL 5 cannot read record components). */
    public String getExtension() {
        UserProfile p = getProfile();
        return p == null ? null : p.extension();
    }

    public String getRoleList() {
        UserProfile p = getProfile();
        return p == null ? "" : String.join(", ", new TreeSet<>(p.roles()));
    }

    void reset() {
        profile = null;
    }

    /** Goes to the home page of the user's role (used by index.xhtml). */
    public void goHome() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String target = request.getUserPrincipal() == null ? "/login.xhtml" : HomePage.forRequest(request);
        external.redirect(external.getRequestContextPath() + target);
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
