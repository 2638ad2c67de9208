package org.kefu.web.workplace;

import jakarta.faces.context.FacesContext;
import org.primefaces.PrimeFaces;

/** Adds a form to what an ajax request re-renders; a full page render shows it anyway. */
final class PartialUpdate {

    private PartialUpdate() {
    }

    static void render(String clientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().update(clientId);
        }
    }
}
