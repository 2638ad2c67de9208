package org.kefu.web.crm;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.kefu.crm.FieldProblem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Screen texts of the customer and FAQ pages in the view's language. */
public final class Texts {

    private Texts() {
    }

    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.SIMPLIFIED_CHINESE;
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("org.kefu.web.messages", locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    /** "crm.problem.<code>" with the problem's values. */
    public static String problem(FieldProblem p) {
        return text("crm.problem." + p.getCode(), p.getArgs().toArray());
    }

    public static void error(String clientId, String summary) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
    }

    public static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }
}
