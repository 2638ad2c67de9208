package org.kefu.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The WAR's one way to speak to the user: a screen text from org.kefu.web.messages in the view's
 * language, and an error or info message added to the page. (Not named Messages: on a
 * case-insensitive file system that class would shadow the bundle messages.properties.)
 */
public final class PageMessages {

    static final String BUNDLE = "org.kefu.web.messages";

    private PageMessages() {
    }

    /** The view's language; Chinese, the console's default, outside a view. */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.SIMPLIFIED_CHINESE;
    }

    /** The text for the key, its {0}… filled in; the key itself when the bundle lacks it. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    /** An error for the whole page (p:messages globalOnly). */
    public static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** An error beside one component, by its client id. */
    public static void errorAt(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, null));
    }
}
