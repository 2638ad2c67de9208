package org.kefu.web.console;

import jakarta.servlet.http.HttpServletRequest;

/** Where each role lands after signing in. */
final class HomePage {

    private HomePage() {
    }

    static String forRequest(HttpServletRequest request) {
        if (request.isUserInRole("admin")) {
            return "/admin/index.xhtml";
        }
        if (request.isUserInRole("supervisor")) {
            return "/supervisor/index.xhtml";
        }
        if (request.isUserInRole("agent")) {
            return "/agent/index.xhtml";
        }
        if (request.isUserInRole("backoffice")) {
            return "/backoffice/index.xhtml";
        }
        if (request.isUserInRole("department")) {
            return "/department/index.xhtml";
        }
        return "/login.xhtml";
    }
}
