package org.kefu.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.kefu.guard.Attempts;
import org.kefu.guard.FormLogin;
import org.kefu.guard.LoginGuard;
import org.kefu.security.LoginAudit;
import org.kefu.web.PageMessages;

import java.io.IOException;

/**
 * The sign-in form. Elytron checks the credentials (HttpServletRequest.login) in KefuDomain, whose
 * realm is the login guard (module org.kefu.guard). Elytron runs a programmatic login without the
 * caller's address, so this form asks the guard first and reports the outcome itself: the same
 * count and audit trail as j_security_check, BASIC and remote EJB (see {@link Attempts}).
 */
@Named
@RequestScoped
public class LoginForm {

    private String jobNumber;
    private String password;

    @EJB
    private LoginAudit loginAudit;

    @Inject
    private CurrentUser currentUser;

    public String getJobNumber() {
        return jobNumber;
    }

    public void setJobNumber(String jobNumber) {
        this.jobNumber = jobNumber == null ? null : jobNumber.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (jobNumber == null || jobNumber.isEmpty() || password == null || password.isEmpty()) {
            PageMessages.error("login.required");
            return;
        }
        String source = request.getRemoteAddr();
        LoginGuard guard = LoginGuard.get();
        String login = jobNumber;
        LoginGuard.Decision before = guard.check(login, source);
        boolean ok;
        if (before.refuses()) {
            // Refused whatever the password: delays and locks are not worth a password check.
            Attempts.failed(guard, login, source, "form", loginAudit.exists(login), "refused: " + before.describe());
            ok = false;
        } else {
            String pw = password;
            ok = FormLogin.during(source, () -> {
                try {
                    if (request.getUserPrincipal() != null) {
                        request.logout();
                    }
                    request.login(login, pw);
                    return true;
                } catch (ServletException refused) {
                    return false;
                }
            });
            if (!ok) {
                Attempts.failed(guard, login, source, "form", loginAudit.exists(login), loginAudit.refusal(login));
            }
        }
        if (!ok) {
            LoginGuard.Decision after = guard.check(login, source);
            switch (after.verdict()) {
                case ALLOW -> PageMessages.error("login.failed");
                case DELAY -> PageMessages.error("login.delayed", after.retryAfterSeconds());
                case LOCKED -> PageMessages.error("login.locked", (after.retryAfterSeconds() + 59) / 60);
                case SOURCE_BLOCKED -> PageMessages.error("login.blocked", (after.retryAfterSeconds() + 59) / 60);
            }
            password = null;
            return;
        }
        Attempts.succeeded(guard, login, source, "form", true);
        loginAudit.succeeded(login);
        // A fresh session id after login: no session fixation.
        request.changeSessionId();
        currentUser.reset();
        external.redirect(external.getRequestContextPath() + HomePage.forRequest(request));
    }
}
