package org.kefu.telephony.sip;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SIP trace and debug logging may write (issue 14 item 10). A log is read by more people
 * than the phones' owners, so before any SIP text reaches a log:
 * <ul>
 *   <li>{@code Authorization} and {@code Proxy-Authorization} keep their scheme and
 *       {@code username}; the rest (realm, nonce, response hash, cnonce: enough to try
 *       passwords offline) becomes {@code <masked>};</li>
 *   <li>the body of a message whose {@code Content-Type} is {@code application/dtmf-relay} or
 *       {@code application/dtmf} (SIP INFO key presses: PINs, card numbers) becomes
 *       {@code <N bytes of DTMF masked>};</li>
 *   <li>in an SDP {@code a=crypto} line (SDES, RFC 4568) the tag and suite stay; the key parameters
 *       ({@code inline:} master key and salt, with which anyone holding the log and a capture could
 *       decrypt the call) become {@code inline:<masked>}.</li>
 * </ul>
 * It works on text (a whole message, or a stack debug line that contains one), so it is applied
 * to both the message trace ({@link SipMessageLogger}) and the stack's own log
 * ({@link SipStackLogger}). Text without either is returned as it is.
 */
public final class SipLogMask {

    /** An Authorization or Proxy-Authorization header line: name, scheme, parameters. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?im)^((?:proxy-)?authorization[ \\t]*:[ \\t]*)([A-Za-z0-9-]+)([^\\r\\n]*)");
    private static final Pattern USERNAME = Pattern.compile("(?i)\\busername[ \\t]*=[ \\t]*(\"[^\"]*\"|[^,\\s]+)");
    /** Content-Type (or its compact form c) naming a DTMF body. */
    private static final Pattern DTMF_TYPE = Pattern.compile(
            "(?im)^(?:content-type|c)[ \\t]*:[ \\t]*application/dtmf(?:-relay)?\\b");
    /**
     * SDES key parameters (RFC 4568: the only key method is "inline"), wherever they stand: in an
     * a=crypto line, several keys joined by ';', or an SDP quoted in a stack debug line.
     */
    private static final Pattern INLINE_KEY = Pattern.compile("(?i)inline:\\S+");
    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n\\r?\\n");

    private SipLogMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String out = text;
        if (lower.contains("authorization")) {
            out = maskAuthorization(out);
        }
        if (lower.contains("application/dtmf")) {
            out = maskDtmfBodies(out);
        }
        if (lower.contains("inline:")) {
            out = INLINE_KEY.matcher(out).replaceAll("inline:<masked>");
        }
        return out;
    }

    private static String maskAuthorization(String text) {
        Matcher m = AUTHORIZATION.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            Matcher user = USERNAME.matcher(m.group(3));
            String kept = m.group(1) + m.group(2) + (user.find() ? " username=" + user.group(1) + "," : "") + " <masked>";
            m.appendReplacement(sb, Matcher.quoteReplacement(kept));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Every body that follows a DTMF Content-Type: from the blank line that ends those headers
     * up to the next SIP start line (several messages in one text) or the end of the text.
     */
    private static String maskDtmfBodies(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        Matcher type = DTMF_TYPE.matcher(text);
        while (from < text.length() && type.find(from)) {
            Matcher blank = BLANK_LINE.matcher(text);
            if (!blank.find(type.end())) {
                break; // headers only, no body in this text
            }
            int bodyStart = blank.end();
            int bodyEnd = nextStartLine(text, bodyStart);
            sb.append(text, from, bodyStart);
            int length = bodyEnd - bodyStart;
            String trailing = trailingNewline(text, bodyStart, bodyEnd);
            sb.append('<').append(length - trailing.length()).append(" bytes of DTMF masked>").append(trailing);
            from = bodyEnd;
        }
        sb.append(text, Math.min(from, text.length()), text.length());
        return sb.toString();
    }

    private static final Pattern START_LINE = Pattern.compile(
            "(?m)^(?:SIP/2\\.0 \\d{3} |[A-Z]+ \\S+ SIP/2\\.0\\r?$)");

    private static int nextStartLine(String text, int from) {
        Matcher m = START_LINE.matcher(text);
        return m.find(from) ? m.start() : text.length();
    }

    private static String trailingNewline(String text, int start, int end) {
        int i = end;
        while (i > start && (text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r')) {
            i--;
        }
        return text.substring(i, end);
    }
}
