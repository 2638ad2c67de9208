package org.kefu.web.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The console's language for this session: Simplified Chinese by default, or English. */
@Named
@SessionScoped
public class LocaleSelector implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromBrowser();
        }
        return locale;
    }

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    /** For lists whose rows carry both names (reasons, wrap-up codes, contacts). */
    public boolean isEnglish() {
        return "en".equals(getLocale().getLanguage());
    }

    /** Switches language and stays on the same page. */
    public void select(String tag) {
        locale = "en".equalsIgnoreCase(tag) ? Locale.ENGLISH : CHINESE;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            faces.getViewRoot().setLocale(locale);
        }
    }

    /** Honour a browser that prefers English; everyone else gets Chinese. */
    private static Locale fromBrowser() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            // Only an explicit Accept-Language counts: without one the container reports its own
            // default locale, which says nothing about the person at the browser.
            String header = faces.getExternalContext().getRequestHeaderMap().get("Accept-Language");
            if (header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return CHINESE;
    }

    public void useProfileLanguage(String preferredLocale) {
        if (locale == null && preferredLocale != null) {
            locale = preferredLocale.startsWith("en") ? Locale.ENGLISH : CHINESE;
        }
    }
}
