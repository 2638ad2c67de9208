package org.kefu.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.kefu.security.LoginAudit;
import org.kefu.security.LoginOutcome;

import java.io.IOException;

/**
 * The sign-in form. Elytron checks the credentials (HttpServletRequest.login); this bean only
 * records the outcome, so that a wrong password is both refused and on the audit trail.
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
            Messages.error("login.required");
            return;
        }
        String source = request.getRemoteAddr();
        try {
            if (request.getUserPrincipal() != null) {
                request.logout();
            }
            request.login(jobNumber, password);
        } catch (ServletException refused) {
            LoginOutcome outcome = loginAudit.failed(jobNumber, source);
            Messages.error(outcome == LoginOutcome.LOCKED ? "login.locked" : "login.failed");
            password = null;
            return;
        }
        loginAudit.succeeded(jobNumber, source);
        // A fresh session id after login: no session fixation.
        request.changeSessionId();
        currentUser.reset();
        external.redirect(external.getRequestContextPath() + HomePage.forRequest(request));
    }
}
