package org.kefu.calls;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.TelephonyException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a caller hears, for every owner of a call: announcements, menus, music on hold, and the
 * goodbye after which the call ends. Prompts are named recordings in the caller's language
 * (Chinese unless an IVR flow set {@link CallData#LANG} to English).
 */
@Stateless
@PermitAll // local view only
public class CallerPrompts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @EJB
    CallSessions sessions;

    public CallerPrompts() {
    }

    /** For tests: the prompts of a given call table. */
    public CallerPrompts(CallSessions sessions) {
        this.sessions = sessions;
    }

    /** The caller's language from the call's data. */
    public Locale languageOf(Map<String, String> callData) {
        return "en".equals(callData.get(CallData.LANG)) ? Locale.ENGLISH : CHINESE;
    }

    /** An announcement the caller cannot interrupt. */
    public void say(SwitchConnection sw, ConnectionId to, Locale language, List<String> names) throws TelephonyException {
        sw.play(to, new Prompt(names, language, false, false));
    }

    /** An announcement in Chinese the caller cannot interrupt. */
    public void say(SwitchConnection sw, ConnectionId to, String... names) throws TelephonyException {
        say(sw, to, CHINESE, List.of(names));
    }

    /** A menu: the caller's first key stops it. */
    public void menu(SwitchConnection sw, ConnectionId to, List<String> names) throws TelephonyException {
        sw.play(to, new Prompt(names, CHINESE, true, false));
    }

    /** Music on hold until something else is played. */
    public void music(SwitchConnection sw, ConnectionId to, Locale language) throws TelephonyException {
        sw.play(to, new Prompt(List.of("music-on-hold"), language, false, true));
    }

    /** A prompt an IVR flow composed. */
    public void play(SwitchConnection sw, ConnectionId to, Prompt prompt) throws TelephonyException {
        sw.play(to, prompt);
    }

    /** The last words ("goodbye" unless named): once they have played, the call ends. */
    public void goodbye(SwitchConnection sw, CallId call, ConnectionId to, String... names) throws TelephonyException {
        sessions.handTo(call, CallOwner.GOODBYE);
        sw.play(to, new Prompt(names.length == 0 ? List.of("goodbye") : List.of(names), CHINESE, false, false));
    }

    /**
     * A prompt of a call saying goodbye finished. STOPPED is the music or prompt that the goodbye
     * replaced: the call ends with the goodbye itself.
     */
    public void finished(SwitchConnection sw, CallEvent.PromptFinished p) throws TelephonyException {
        if (p.end() != CallEvent.PromptEnd.STOPPED) {
            sw.clearCall(p.call());
        }
    }
}
